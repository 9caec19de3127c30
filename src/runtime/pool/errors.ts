/**
 * Typed errors of the trial pool. Each message is a sentence that tells the user what happened and
 * what to do; fmin records `[error.name, error.message]` on the failed or cancelled trial.
 */
import type { ErrorInfo } from './trialProtocol';

/** A trial ran past the per-trial time limit; its worker was terminated and replaced. */
export class TrialTimeoutError extends Error {
  override name = 'TrialTimeoutError';
  constructor(
    readonly tid: number,
    readonly limitMs: number,
  ) {
    super(
      `Trial ${tid} ran longer than the per-trial time limit of ${formatSeconds(limitMs)} and was ended; ` +
        'make the objective faster or raise the per-trial time limit.',
    );
  }
}

/** The worker evaluating a trial stopped (it closed itself or an error escaped the objective). */
export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
  constructor(
    readonly tid: number,
    detail: string,
  ) {
    super(`The worker running trial ${tid} stopped (${detail}); it was replaced, so later trials still run.`);
  }
}

/** What the sandbox sent back could not be accepted (too large, not a number, malformed). */
export class UntrustedResultError extends Error {
  override name = 'UntrustedResultError';
}

/**
 * The objective threw. `name` is the objective's own error class name (e.g. "TypeError") so that
 * the trial's error reads as the user wrote it; `line` is the line in the user's code, if known.
 */
export class ObjectiveError extends Error {
  constructor(
    name: string,
    message: string,
    readonly line: number | undefined,
  ) {
    // The line travels beside the message (TrialDetails.line), so the UI can point at it.
    super(message);
    this.name = name;
  }
}

/** The sandbox could not start a worker, or the objective module failed while loading. */
export class SandboxStartError extends Error {
  override name = 'SandboxStartError';
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** "5 s", "0.25 s", "2 min 30 s": durations as the settings take them. */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 120) return `${Number(seconds.toFixed(3))} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** The error fmin records for an objective that threw in the sandbox. */
export function objectiveFailure(error: ErrorInfo): ObjectiveError {
  return new ObjectiveError(error.name, error.message, error.line);
}

/** The error that ends a run whose objective module threw while loading. */
export function loadFailure(error: ErrorInfo): SandboxStartError {
  const where = error.line === undefined ? '' : ` at line ${error.line}`;
  return new SandboxStartError(
    `The objective module failed while loading${where}: ${error.name}: ${error.message}. Fix the objective and run again.`,
    error.line,
  );
}
