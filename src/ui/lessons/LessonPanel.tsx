import type { RunView } from '../../runtime/run/progress';
import type { RuntimeState } from '../../runtime/runtime';
import { Region } from '../layout/Region';
import { formatLoss } from '../results/format';
import { useRuntimeSelector } from '../runtime/runtimeContext';
import { controlLabel } from './controls';
import type { ClassroomState } from './useClassroom';
import './lessons.css';

const selectEnded = (s: RuntimeState): RunView | undefined => (s.run?.phase === 'ended' ? s.run : undefined);

/**
 * The lesson beside the playground: the step's text, Back and Next, and for a step that asks for
 * a run, what to look at once that run has ended. A classroom link without a lesson only says which
 * controls it hides.
 */
export function LessonPanel({ classroom }: { classroom: ClassroomState }) {
  const ended = useRuntimeSelector(selectEnded);
  const { session } = classroom;
  if (session === undefined) return null;
  const hiddenNote =
    session.hide.length === 0 ? null : (
      <p className="hint">Hidden for this class: {session.hide.map(controlLabel).join(', ')}.</p>
    );
  const lesson = session.lesson;
  if (lesson === undefined) {
    return (
      <div className="notice lesson-notice" role="status" aria-label="Classroom">
        <span>Classroom link.</span> {hiddenNote}
        <button type="button" onClick={classroom.end}>
          Show all controls
        </button>
      </div>
    );
  }
  const index = session.step;
  const step = lesson.steps[index]!;
  // The step's run: one that ended after the step was entered (not the run that was there before).
  const stepRun = ended !== undefined && ended.runId !== session.runBefore ? ended : undefined;
  return (
    <Region title="Lesson" className="region-lesson">
      <h3 className="lesson-title">{lesson.title}</h3>
      <p className="lesson-counter" aria-live="polite">
        Step {index + 1} of {lesson.steps.length}
      </p>
      <p className="lesson-text">{step.text}</p>
      {step.highlight !== undefined && step.highlight.length > 0 && (
        <p className="hint">Look at: {step.highlight.map(controlLabel).join(', ')} (outlined).</p>
      )}
      {step.run !== undefined &&
        (stepRun !== undefined ? (
          <div className="lesson-outcome" role="status" aria-label="Step outcome">
            <p>
              <strong>Run ended:</strong> {stepRun.end?.summary.total ?? stepRun.finished} trials, best loss{' '}
              {formatLoss(stepRun.best?.loss)}.
            </p>
            <p>{step.run.outcome}</p>
          </div>
        ) : (
          <p className="hint">This step waits for a run: press Run (Ctrl+Enter).</p>
        ))}
      {hiddenNote}
      <div className="lesson-nav">
        <button type="button" onClick={() => classroom.goTo(index - 1)} disabled={index === 0}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => classroom.goTo(index + 1)}
          disabled={index === lesson.steps.length - 1}
        >
          Next
        </button>
        <button type="button" onClick={classroom.end}>
          End lesson
        </button>
      </div>
    </Region>
  );
}
