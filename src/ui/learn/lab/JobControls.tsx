// Run and Cancel for a simulation, with its progress and outcome in words (a live region).
import type { LabJobStatus } from './useLabJob';

function statusText(status: LabJobStatus): string {
  switch (status.phase) {
    case 'idle':
      return '';
    case 'running':
      return status.progress.total === 0
        ? 'Starting the simulation…'
        : `Simulating… ${status.progress.done} of ${status.progress.total} runs`;
    case 'cancelled':
      return `Cancelled after ${status.progress.done} of ${status.progress.total} runs.`;
    case 'done':
      return `Done in ${(status.millis / 1000).toFixed(1)} s of real time.`;
    case 'failed':
      return '';
  }
}

export function JobControls({
  status,
  runLabel,
  onRun,
  onCancel,
  formError,
}: {
  status: LabJobStatus;
  /** Why the form could not make a request. */
  formError: string | undefined;
  runLabel: string;
  onRun: () => void;
  onCancel: () => void;
}) {
  const running = status.phase === 'running';
  const { done, total } = running ? status.progress : { done: 0, total: 0 };
  const problem = formError ?? (status.phase === 'failed' ? status.message : undefined);
  return (
    <div className="lab-job">
      <div className="actions">
        <button type="button" className="primary" onClick={onRun} disabled={running}>
          {runLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={!running}>
          Cancel
        </button>
      </div>
      {running && (
        <progress
          className="lab-progress"
          aria-label="Simulation progress"
          max={Math.max(1, total)}
          value={done}
        />
      )}
      <p className="lab-status" role="status">
        {statusText(status)}
      </p>
      {problem !== undefined && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
