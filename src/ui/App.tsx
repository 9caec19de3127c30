import { Header } from './layout/Header';
import { Region } from './layout/Region';
import { ObjectiveEditor } from './objective/ObjectiveEditor';
import { ResultsPanel } from './results/ResultsPanel';
import { useWorkspace } from './run/useWorkspace';
import { SettingsForm } from './settings/SettingsForm';
import { SpaceEditor } from './space/SpaceEditor';
import { HistoryPanel } from './tracking/HistoryPanel';

/** The workspace: space, objective and settings in, progress and trials out (runtime via context). */
export function App() {
  const w = useWorkspace();
  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <Region title="Search space" className="region-space">
          <SpaceEditor text={w.spaceText} onText={w.setSpaceText} problem={w.spaceProblem} />
        </Region>
        <Region title="Objective" className="region-objective">
          <ObjectiveEditor
            source={w.source}
            language={w.settings.language}
            onSource={w.setSource}
            onLanguage={(language) => w.setSettings({ ...w.settings, language })}
            error={w.startError}
          />
        </Region>
        <Region title="Settings" className="region-settings">
          <SettingsForm draft={w.settings} cores={w.cores} disabled={w.running} onChange={w.setSettings} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={w.run}
              disabled={!w.canRun}
              aria-keyshortcuts="Control+Enter Meta+Enter"
            >
              Run
            </button>
            <button type="button" onClick={w.stop} disabled={!w.running} aria-keyshortcuts="Escape">
              Stop
            </button>
          </div>
        </Region>
        <Region title="Results" className="region-results">
          <ResultsPanel />
        </Region>
        <Region title="History" className="region-history">
          <HistoryPanel />
        </Region>
      </main>
    </div>
  );
}
