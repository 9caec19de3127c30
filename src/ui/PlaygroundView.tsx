import { exampleDraft, type Draft } from './draft/draft';
import { PreviousDraft } from './draft/PreviousDraft';
import { ExamplesGallery } from './examples/ExamplesGallery';
import { Region } from './layout/Region';
import { ObjectiveEditor } from './objective/ObjectiveEditor';
import { PythonTools } from './python/PythonTools';
import { ResultsPanel } from './results/ResultsPanel';
import { SettingsForm } from './settings/SettingsForm';
import { SpaceEditor } from './space/SpaceEditor';
import { IncomingLink } from './share/IncomingLink';
import { ShareButton } from './share/ShareButton';
import { useShareLink } from './share/useShareLink';
import { TrackingProblem } from './tracking/TrackingProblem';
import type { Workspace } from './run/useWorkspace';

/** The workspace: space, objective and settings in, progress and trials out (runtime via context). */
export function PlaygroundView({ w, hidden }: { w: Workspace; hidden: boolean }) {
  const { draft } = w;
  const language = draft.settings.language;
  const openLink = (next: Draft) => w.replaceDraft(next, 'the shared playground');
  const link = useShareLink(w.cores, w.hasOwnWork, (next) =>
    w.replaceDraft(next, 'the shared playground', false),
  );
  return (
    <div className="playground" hidden={hidden}>
      <div className="toolbar" role="toolbar" aria-label="Run controls">
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
        <ExamplesGallery
          disabled={w.running}
          onOpen={(example) =>
            w.replaceDraft(exampleDraft(example, w.cores), `the example “${example.title}”`)
          }
        />
        <ShareButton draft={draft} />
        <PythonTools
          draft={draft}
          check={w.space}
          disabled={w.running}
          onImport={(source) => w.replaceDraft({ ...draft, space: source }, 'the space imported from Python')}
        />
        <span className="hint">Ctrl+Enter runs · Esc stops</span>
      </div>
      {link.incoming !== undefined && (
        <IncomingLink
          incoming={link.incoming}
          onOpen={(next) => {
            openLink(next);
            link.dismiss();
          }}
          onDismiss={link.dismiss}
        />
      )}
      {w.previous !== undefined && (
        <PreviousDraft what={w.previous.what} onRestore={w.restorePrevious} onDismiss={w.dismissPrevious} />
      )}
      <TrackingProblem />
      {w.startError !== undefined && w.objectiveProblems.length === 0 && (
        <p className="error start-error" role="alert">
          {w.startError}
        </p>
      )}
      <main className="workspace">
        <Region title="Search space" className="region-space">
          <SpaceEditor text={draft.space} onText={w.setSpace} language={language} check={w.space} />
        </Region>
        <Region title="Objective" className="region-objective">
          <ObjectiveEditor
            source={draft.objective}
            language={language}
            onSource={w.setObjective}
            onLanguage={(l) => w.setSettings({ ...draft.settings, language: l })}
            problems={w.objectiveProblems}
            warnings={w.objectiveWarnings}
          />
        </Region>
        <Region title="Settings" className="region-settings">
          <SettingsForm
            draft={draft.settings}
            cores={w.cores}
            disabled={w.running}
            onChange={w.setSettings}
          />
        </Region>
        <Region title="Results" className="region-results">
          <ResultsPanel space={w.runSpace} />
        </Region>
      </main>
    </div>
  );
}
