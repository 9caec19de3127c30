import type { RunView } from '../../runtime/run/progress';
import { formatDuration, formatLoss } from './format';

/**
 * Time left from the pace so far (trials done per ms), or undefined before the first trial ends;
 * a resumed run's pace counts only the trials it ran itself.
 */
export function estimateLeftMs(run: RunView, elapsedMs: number): number | undefined {
  const doneHere = run.finished - (run.resumedFinished ?? 0);
  if (run.phase !== 'running' || doneHere <= 0) return undefined;
  const left = Math.max(0, run.maxEvals - run.finished);
  return (elapsedMs / doneHere) * left;
}

/** The bar (trials done of max evals) and the line of figures under it. */
export function ProgressView({ run, elapsedMs }: { run: RunView; elapsedMs: number }) {
  const left = estimateLeftMs(run, elapsedMs);
  const percent = run.maxEvals > 0 ? Math.min(100, (run.finished / run.maxEvals) * 100) : 0;
  return (
    <div className="progress-block">
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Trials done"
        aria-valuemin={0}
        aria-valuemax={run.maxEvals}
        aria-valuenow={run.finished}
        aria-valuetext={`${run.finished} of ${run.maxEvals} trials done`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress" role="status" aria-label="Run progress">
        {run.finished} of {run.maxEvals} done · {run.running} running now · best loss{' '}
        {formatLoss(run.best?.loss)} · {formatDuration(Math.max(0, elapsedMs))} elapsed
        {left !== undefined && ` · about ${formatDuration(left)} left`}
      </p>
    </div>
  );
}
