import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { RuntimeState } from '../../../runtime/runtime';
import { MAX_RESUMED_TRIALS } from '../../../runtime/run/resume';
import { autologNames, type Run } from '../../../tracking';
import { useNavigation } from '../../nav/navigation';
import { useRuntimeSelector } from '../../runtime/runtimeContext';
import { useTracking } from '../../tracking/trackingContext';
import { draftUnavailable } from './runDraft';
import './actions.css';

const selectRunning = (s: RuntimeState) => s.run?.phase === 'running';
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The max evals the run was last asked to reach (the tag when resumed, else the param). */
function budget(run: Run): number {
  const text = run.tags[autologNames.TAG_MAX_EVALS] ?? run.params['max_evals'];
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Why the run cannot be resumed now, or undefined. */
function resumeUnavailable(run: Run, hasStore: boolean, busy: boolean): string | undefined {
  if (!hasStore) return 'The run history is not open.';
  if (run.parentRunId !== null) return 'Resume its parent run: trials continue in the fmin run.';
  if (run.status === 'RUNNING') return 'The run is still running.';
  const noDraft = draftUnavailable(run);
  if (noDraft !== undefined) return noDraft;
  if (busy) return 'A run is in progress in the playground: stop it first.';
  return undefined;
}

/**
 * "Resume…": continues an ended parent run to a larger max evals, in the same parent run (its
 * trials stay, TPE learns from them, new trials are added beside them), and shows the playground,
 * whose Results follow it. Trials a killed run left unfinished are not counted: they run again.
 */
export function ResumeRun({ run }: { run: Run }) {
  const { store } = useTracking();
  const { resumeRun } = useNavigation();
  const busy = useRuntimeSelector(selectRunning);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonId = useId();
  const inputId = useId();
  const counted = run.children.finished;
  const reason = resumeUnavailable(run, store !== undefined, busy);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const show = () => {
    const planned = budget(run);
    setValue(String(planned > counted ? planned : counted + Math.max(planned, 1)));
    setError(undefined);
    setOpen(true);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(value);
    if (!Number.isInteger(n) || n <= counted || n > MAX_RESUMED_TRIALS) {
      setError(
        `New max evals must be a whole number larger than ${counted} (the trials the run has), at most ${MAX_RESUMED_TRIALS.toLocaleString('en')}.`,
      );
      return;
    }
    setStarting(true);
    resumeRun(run, n).then(
      () => {
        setStarting(false);
        setOpen(false);
      },
      (e: unknown) => {
        setStarting(false);
        setError(message(e));
      },
    );
  };

  return (
    <>
      <button
        type="button"
        onClick={show}
        disabled={reason !== undefined}
        aria-describedby={reason === undefined ? undefined : reasonId}
      >
        Resume…
      </button>
      {reason !== undefined && (
        <span id={reasonId} className="action-reason">
          {reason}
        </span>
      )}
      <dialog
        ref={dialog}
        className="action-dialog"
        aria-label="Resume run"
        onClose={() => setOpen(false)}
        // Escape closes the dialog only; the page's Escape (stop the run) must not see it.
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.stopPropagation();
        }}
      >
        <form onSubmit={submit} noValidate>
          <h2>Resume “{run.name}”</h2>
          <p>
            It has {counted} completed {counted === 1 ? 'trial' : 'trials'} ({run.status.toLowerCase()}). New
            trials are added to the same run, and the algorithm learns from the ones it has; trials that were
            cancelled or interrupted do not count and are run again.
          </p>
          <label htmlFor={inputId}>New max evals</label>
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={counted + 1}
            max={MAX_RESUMED_TRIALS}
            step={1}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={error !== undefined}
          />
          {error !== undefined && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="action-dialog-buttons">
            <button type="submit" className="primary" disabled={starting}>
              {starting ? 'Starting…' : 'Resume'}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
