import { Header } from './layout/Header';
import { Region } from './layout/Region';

export function App() {
  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <Region
          title="Search space"
          className="region-space"
          empty="No search space yet. This is where you will define hyperparameters with hp.uniform, hp.loguniform, hp.choice and the rest, and see each one's prior."
        />
        <Region
          title="Objective"
          className="region-objective"
          empty="No objective yet. This is where you will write the function fmin minimises; it runs in a sandboxed worker, never on this page."
        />
        <Region
          title="Settings"
          className="region-settings"
          empty="Settings appear once an objective can run: algorithm, max evals, parallelism, timeout and early stopping, with Hyperopt's defaults."
        />
        <Region
          title="Results"
          className="region-results"
          empty="Nothing has run yet. Live loss charts, the trials table and the best configuration appear here while a search runs."
        />
        <Region
          title="History"
          className="region-history"
          empty="No runs recorded. Each fmin call will be kept here as a parent run with its trials as child runs, stored in this browser."
        />
      </main>
    </div>
  );
}
