/** Errors raised by fmin. */

/** An fmin option has a wrong type or value; `option` names it. */
export class FminOptionError extends Error {
  readonly option: string;
  constructor(option: string, problem: string) {
    super(`fmin: ${option} ${problem}`);
    this.name = 'FminOptionError';
    this.option = option;
  }
}

/** Why an evaluation failed: Hyperopt's (type, message) pair of `misc.error`, plus the thrown value. */
export interface EvalFailure {
  /** Error class name, or InvalidResultStatus / InvalidLoss / InvalidResult for a bad return value. */
  type: string;
  message: string;
  /** What the objective threw, when it threw. */
  thrown?: unknown;
}

/**
 * A trial failed and `catchEvalExceptions` is false, so fmin stops (Hyperopt re-raises the
 * objective's exception from FMinIter.serial_evaluate). The failed trial stays in the Trials in
 * state JOB_STATE_ERROR; `cause` is what the objective threw, if it threw.
 */
export class TrialEvaluationError extends Error {
  readonly tid: number;
  readonly failureType: string;
  constructor(tid: number, failure: EvalFailure) {
    super(
      `Trial ${tid} failed: ${failure.type}: ${failure.message}`,
      failure.thrown === undefined ? undefined : { cause: failure.thrown },
    );
    this.name = 'TrialEvaluationError';
    this.tid = tid;
    this.failureType = failure.type;
  }
}

/** fmin ended without any trial to take an argmin from (fmin.py raises a plain Exception). */
export class NoTrialsError extends Error {
  constructor() {
    super(
      'There are no evaluation tasks, cannot return argmin of task losses: no trial completed ' +
        '(maxEvals was 0, or every trial errored or was cancelled).',
    );
    this.name = 'NoTrialsError';
  }
}
