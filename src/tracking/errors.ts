/**
 * Typed errors of the run store. Each message is a sentence a user can act on: the UI may show
 * `error.message` as it is.
 */

/** Base class: anything the run store refuses or cannot do. */
export class TrackingError extends Error {
  override name = 'TrackingError';
}

/**
 * The browser refused a write because this site's storage quota is used up (QuotaExceededError).
 * The transaction was rolled back: nothing already stored was changed.
 */
export class StorageFullError extends TrackingError {
  override name = 'StorageFullError';
  constructor(cause?: unknown) {
    super(
      'The browser storage for this site is full, so the run was stopped. Export the runs you want to keep, ' +
        'delete old runs (or free disk space), then start the run again.',
      { cause },
    );
  }
}

/** A param was logged again with a different value (MLflow params are write-once). */
export class ParamConflictError extends TrackingError {
  override name = 'ParamConflictError';
  constructor(
    readonly runId: string,
    readonly key: string,
    readonly oldValue: string,
    readonly newValue: string,
  ) {
    super(
      `Param '${key}' of run ${runId} was already logged as '${clip(oldValue)}' and cannot change to ` +
        `'${clip(newValue)}': params are write-once, so log the new value under another key (or as a tag).`,
    );
  }
}

/** Content beyond a documented bound (see limits.ts); `what` names the field. */
export class LimitError extends TrackingError {
  override name = 'LimitError';
  constructor(
    readonly what: string,
    problem: string,
  ) {
    super(`${what} ${problem}.`);
  }
}

export class RunNotFoundError extends TrackingError {
  override name = 'RunNotFoundError';
  constructor(readonly runId: string) {
    super(`There is no run with id ${runId}; it may have been deleted in another tab. Refresh the run list.`);
  }
}

export class ExperimentNotFoundError extends TrackingError {
  override name = 'ExperimentNotFoundError';
  constructor(readonly experimentId: string) {
    super(`There is no experiment with id ${experimentId}; refresh the experiment list.`);
  }
}

/** A write to a run that has ended (only RUNNING runs take new data). */
export class RunNotActiveError extends TrackingError {
  override name = 'RunNotActiveError';
  constructor(
    readonly runId: string,
    status: string,
  ) {
    super(`Run ${runId} is ${status}, so it takes no more data; resume it or start a new run.`);
  }
}

/**
 * The database connection is gone: a newer version of the app upgraded it from another tab, or the
 * browser closed it.
 */
export class DatabaseClosedError extends TrackingError {
  override name = 'DatabaseClosedError';
  constructor(reason: 'versionchange' | 'terminated' | 'closed') {
    super(
      reason === 'versionchange'
        ? 'A newer version of Hyperopt Playground opened the run history in another tab: reload this tab to keep working.'
        : reason === 'terminated'
          ? 'The browser closed the run history database unexpectedly: reload the page.'
          : 'The run history is closed: reload the page.',
    );
  }
}

/** Opening the database waits on another tab that keeps an older version open. */
export class DatabaseBlockedError extends TrackingError {
  override name = 'DatabaseBlockedError';
  constructor() {
    super(
      'Another tab of Hyperopt Playground keeps an older version of the run history open: close or reload ' +
        'the other tabs, then reload this one.',
    );
  }
}

/** A file to import is not a valid export (names the first bad field). */
export class ImportFormatError extends TrackingError {
  override name = 'ImportFormatError';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(
      `This file cannot be imported: ${field} ${problem}. Choose a file exported by Hyperopt Playground.`,
    );
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** True for the browser's quota error, whichever way it arrives (DOMException name or legacy code 22). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || code === 22;
}
