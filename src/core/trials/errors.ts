/**
 * Errors of the trials store. Names follow hyperopt/exceptions.py where Hyperopt has one.
 */

/**
 * No trial has status 'ok' with a non-NaN loss, so there is no best trial (Hyperopt's
 * `AllTrialsFailed`, raised by base.py:Trials.best_trial).
 */
export class AllTrialsFailed extends Error {
  constructor(
    message = 'No trial has status "ok" with a numeric loss: there is no best trial (AllTrialsFailed).',
  ) {
    super(message);
    this.name = 'AllTrialsFailed';
  }
}

/** A trial document handed to `insertTrialDocs` is malformed (Hyperopt's `InvalidTrial`). */
export class InvalidTrial extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTrial';
  }
}

/** A serialized Trials document (`{format: 'hyperopt-trials', ...}`) is malformed. */
export class TrialsFormatError extends Error {
  /** Path of the offending field, e.g. `trials[2].misc.vals.x`. */
  readonly field: string;
  constructor(field: string, problem: string) {
    super(`Invalid trials document: ${field} ${problem}`);
    this.name = 'TrialsFormatError';
    this.field = field;
  }
}
