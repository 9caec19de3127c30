import { exampleDraft } from './draft/draft';
import type { ControlId } from './lessons/controls';
import { PreviousDraft } from './draft/PreviousDraft';
import { ExamplesGallery } from './examples/ExamplesGallery';
import { Region } from './layout/Region';
import { LessonPanel } from './lessons/LessonPanel';
import { useClassroom } from './lessons/useClassroom';
import { ObjectiveEditor } from './objective/ObjectiveEditor';
import { PythonTools } from './python/PythonTools';
import { ResultsPanel } from './results/ResultsPanel';
import { SettingsForm } from './settings/SettingsForm';
import { SpaceEditor } from './space/SpaceEditor';
import { IncomingLink } from './share/IncomingLink';
import { ClassroomShare } from './share/ClassroomShare';
import type { OpenedLink } from './share/shareCodec';
import { ShareButton } from './share/ShareButton';
import { useShareLink } from './share/useShareLink';
import { TrackingProblem } from './tracking/TrackingProblem';
import type { Workspace } from './run/useWorkspace';

/** The workspace: space, objective and settings in, progress and trials out (runtime via context). */
export function PlaygroundView({ w, hidden }: { w: Workspace; hidden: boolean }) {
  const { draft } = w;
  const language = draft.settings.language;
  const classroom = useClassroom(w);
  const openLink = (next: OpenedLink, keep: boolean) => {
    const lesson = next.classroom?.lesson;
    w.replaceDraft(next.draft, lesson ? `the lesson “${lesson.title}”` : 'the shared playground', keep);
    classroom.begin(next.classroom);
  };
  const link = useShareLink(w.cores, w.hasOwnWork, (next) => openLink(next, false));
  const { hidden: hiddenControls, highlighted } = classroom;
  /** A region's class, outlined when the lesson's step points at it (or at one of its fields). */
  const regionClass = (name: string, ids: readonly ControlId[]) =>
    `region-${name}${ids.some((id) => highlighted.has(id)) ? ' lesson-highlight' : ''}`;
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
        {!hiddenControls.has('examples') && (
          <ExamplesGallery
            disabled={w.running}
            onOpen={(example) =>
              w.replaceDraft(exampleDraft(example, w.cores), `the example “${example.title}”`)
            }
          />
        )}
        <ShareButton draft={draft} />
        <ClassroomShare draft={draft} />
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
            openLink(next, true);
            link.dismiss();
          }}
          onDismiss={link.dismiss}
        />
      )}
      {w.previous !== undefined && (
        <PreviousDraft what={w.previous.what} onRestore={w.restorePrevious} onDismiss={w.dismissPrevious} />
      )}
      {classroom.problem !== undefined && (
        <div className="notice notice-error" role="alert" aria-label="Lesson problem">
          <p>
            {classroom.problem}{' '}
            <button type="button" onClick={classroom.dismissProblem}>
              Dismiss
            </button>
          </p>
        </div>
      )}
      <LessonPanel classroom={classroom} />
      <TrackingProblem />
      {w.startError !== undefined && w.objectiveProblems.length === 0 && (
        <p className="error start-error" role="alert">
          {w.startError}
        </p>
      )}
      <main className={`workspace${hiddenControls.has('settings') ? ' no-settings' : ''}`}>
        {!hiddenControls.has('space') && (
          <Region title="Search space" className={regionClass('space', ['space'])}>
            <SpaceEditor text={draft.space} onText={w.setSpace} language={language} check={w.space} />
          </Region>
        )}
        {!hiddenControls.has('objective') && (
          <Region title="Objective" className={regionClass('objective', ['objective'])}>
            <ObjectiveEditor
              source={draft.objective}
              language={language}
              onSource={w.setObjective}
              onLanguage={(l) => w.setSettings({ ...draft.settings, language: l })}
              problems={w.objectiveProblems}
              warnings={w.objectiveWarnings}
            />
          </Region>
        )}
        {!hiddenControls.has('settings') && (
          <Region
            title="Settings"
            className={regionClass('settings', ['settings', 'algorithm', 'parallelism'])}
          >
            <SettingsForm
              draft={draft.settings}
              cores={w.cores}
              disabled={w.running}
              onChange={w.setSettings}
              hideAlgorithm={hiddenControls.has('algorithm')}
              hideParallelism={hiddenControls.has('parallelism')}
            />
          </Region>
        )}
        <Region title="Results" className="region-results">
          <ResultsPanel space={w.runSpace} />
        </Region>
      </main>
    </div>
  );
}
