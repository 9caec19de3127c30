import { useMemo } from 'react';
import { Region } from '../../layout/Region';
import type { Route } from '../../nav/route';
import { useNavigation } from '../../nav/navigation';
import { useTracking } from '../../tracking/trackingContext';
import { RouteLink } from '../run/RunLink';
import { BestSoFarSection } from './BestSoFarSection';
import { parseCompareIds } from './compareIds';
import { runColor } from './comparedRuns';
import { ImportancePanel } from './ImportancePanel';
import { useAfterFirstPaint } from './nextTask';
import { SummaryTable } from './SummaryTable';
import { TrialsAnalysis } from './TrialsAnalysis';
import { useComparedRuns } from './useComparedRuns';
import './compare.css';

const HISTORY: Route = { view: 'history', params: {} };

/**
 * Two or more fmin runs side by side (`?view=compare&ids=<id1>,<id2>`): best-so-far curves, their
 * settings and results in a table, their trials in parallel coordinates and a pair scatter, and
 * which parameters mattered. Ids that cannot be compared are named; the rest are still compared.
 */
export default function CompareView() {
  const { route } = useNavigation();
  const { store, problem, version } = useTracking();
  const parsed = useMemo(() => parseCompareIds(route.params.ids), [route.params.ids]);
  const state = useComparedRuns(store, parsed.ids, version);
  const runs = state.runs;
  const data = state.data;
  // The charts mount in stages, each a task after the last has painted: the legend and table, then
  // the curves, then the trials' charts (tens of thousands of lines and dots). One render of all of
  // them over 30,000 trials was one long task.
  const idsKey = data === undefined ? '' : parsed.ids.join(',');
  const curvesShown = useAfterFirstPaint(idsKey);
  const trialsShown = useAfterFirstPaint(curvesShown ? idsKey : '');
  const problems = [...parsed.problems, ...state.problems];
  if (state.error !== undefined) problems.push(`The runs could not be read: ${state.error}`);

  const backToHistory = <RouteLink route={HISTORY}>Back to History</RouteLink>;
  let status: string | undefined;
  if (store === undefined)
    status = problem === undefined ? 'Opening the run history…' : 'The run history is unavailable.';
  else if (runs === undefined) status = 'Reading the runs…';
  else if (runs.length < 2)
    status = `Comparing needs at least two runs${runs.length === 1 ? ' (one is valid here)' : ''}: select them in History and choose Compare.`;

  return (
    <main className="compare-view">
      <Region title="Compare runs" className="region-compare">
        {problems.length > 0 && (
          <div className="compare-problems" role="alert" aria-label="Runs left out">
            {problems.length === 1 ? 'One run is left out:' : `${problems.length} runs are left out:`}
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {status !== undefined ? (
          <p className="empty-state">{status}</p>
        ) : (
          <ul className="compare-legend" aria-label="Compared runs">
            {data!.labels.map((label, i) => (
              <li key={label}>
                <span className="swatch" style={{ background: runColor(i) }} aria-hidden="true" />
                {label}: {runs![i]!.run.status}, {runs![i]!.run.children.total} trials
              </li>
            ))}
          </ul>
        )}
        <p className="compare-note">{backToHistory}</p>
      </Region>
      {status === undefined && data !== undefined && runs !== undefined && (
        <>
          <Region title="Best loss so far" className="region-compare-curves">
            {curvesShown ? (
              <BestSoFarSection points={data.points} labels={data.labels} />
            ) : (
              <p className="muted" role="status">
                Drawing the curves…
              </p>
            )}
          </Region>
          <Region title="Parameters and metrics" className="region-compare-table">
            <SummaryTable runs={runs.map((r) => r.run)} labels={data.labels} />
          </Region>
          <Region
            title="Trials"
            className="region-compare-trials"
            empty="No trial of these runs finished with a loss and hyperparameters yet."
          >
            {data.finished.length === 0 || data.axes.length === 0 ? undefined : trialsShown ? (
              <TrialsAnalysis axes={data.axes} points={data.finished} bins={data.bins} labels={data.labels} />
            ) : (
              <p className="muted" role="status">
                Drawing {data.finished.length.toLocaleString()} trials…
              </p>
            )}
          </Region>
          <Region title="Parameter importance" className="region-compare-importance">
            <ImportancePanel axes={data.axes} points={data.finished} labels={data.labels} />
          </Region>
        </>
      )}
    </main>
  );
}
