/**
 * How fmin gets trials evaluated. Hyperopt evaluates in-process (FMinIter.serial_evaluate) unless
 * `trials.asynchronous`, in which case workers pick up NEW trials and fmin polls (MongoTrials,
 * SparkTrials). Here both go through an executor: serial in the calling thread by default, or an
 * asynchronous pool (a worker pool in the browser runtime) that runs several trials at once.
 */
import type { Vals } from '../space/types';

/** An objective: receives the configuration `spaceEval(space, vals)`; may be async. */
export type Objective<Config = unknown> = (config: Config) => unknown;

/** One trial to evaluate. */
export interface EvalJob {
  readonly tid: number;
  /** Active hyperparameter values (choices as option indices). */
  readonly vals: Vals;
  /** `spaceEval(space, vals)`: what the objective receives. */
  readonly config: unknown;
}

/** How an evaluation ended: the objective's raw return value (validated by fmin) or what it threw. */
export type EvalOutcome =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** A finished job, reported by an asynchronous executor. */
export interface Completion {
  readonly tid: number;
  readonly outcome: EvalOutcome;
}

/** Evaluates one trial at a time in the calling thread. */
export interface SerialExecutor {
  readonly asynchronous: false;
  /**
   * Runs the objective and returns its raw value, or a promise of it; throwing means failure.
   * A synchronous value is used as is, so a sync objective costs no microtask.
   */
  evaluate(job: EvalJob): unknown;
}

/**
 * Runs up to `parallelism` jobs at once and reports completions in completion order. fmin submits
 * only while `inFlight < parallelism` (further NEW trials wait in the Trials, visible to the
 * algorithm as pending, as in Hyperopt's asynchronous mode).
 */
export interface AsyncExecutor {
  readonly asynchronous: true;
  readonly parallelism: number;
  /** Jobs submitted whose completion has not been returned by `nextCompletion` yet. */
  readonly inFlight: number;
  submit(job: EvalJob): void;
  /** The next completion. fmin calls it only while `inFlight > 0`, and one call at a time. */
  nextCompletion(): Promise<Completion>;
  /** Abandons every job in flight: their completions are never reported and `inFlight` drops to 0. */
  cancelAll(reason: string): void;
}

export type TrialExecutor = SerialExecutor | AsyncExecutor;

/**
 * A Trials store that brings its own executor (e.g. a worker-pool store with `asynchronous`
 * true); fmin uses it when no `executor` option is given.
 */
export interface ExecutorProvider {
  createExecutor(fn: Objective | undefined): TrialExecutor;
}

/** The default executor: calls `fn(config)` in the calling thread. */
export function createSerialExecutor(fn: Objective): SerialExecutor {
  return { asynchronous: false, evaluate: (job) => fn(job.config) };
}
