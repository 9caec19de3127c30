/**
 * fmin's options (hyperopt/fmin.py:fmin in camelCase) and their validation. Every check names the
 * option; Hyperopt's own checks (base.py:validate_timeout, validate_loss_threshold, fmin's
 * max_queue_len) are kept and the rest are added so that mistakes fail before any trial runs.
 */
import type { SuggestFn } from '../algorithms/types';
import type { EarlyStopFn } from '../earlyStop/types';
import type { Rng } from '../random/types';
import type { CompiledSpace, SpaceNode } from '../space/types';
import type { Trials } from '../trials/trials';
import type { TrialDoc } from '../trials/types';
import type { AbortSignalLike } from './abort';
import { FminOptionError } from './errors';
import type { Objective, TrialExecutor } from './executor';

/** Options shared by every fmin call. */
export interface FminCommonOptions {
  /** The search space, as data or compiled. */
  space: SpaceNode | CompiledSpace;
  /** Suggest algorithm; default: the registered 'tpe' if its module was imported, else rand.suggest. */
  algo?: SuggestFn;
  /**
   * Total number of trials in `trials` to reach (Hyperopt's `max_evals`, counted like
   * FMinIter.exhaust: `maxEvals - len(trials)` new ones). Default Infinity, which needs another
   * way to end the run (timeout, lossThreshold, earlyStopFn or signal).
   */
  maxEvals?: number;
  /** Store to fill (default: a new Trials). Calling fmin again with it resumes the run. */
  trials?: Trials;
  /** Seed of the generator that draws one algorithm seed per call; exclusive with `rstate`. */
  seed?: number;
  /** That generator itself (Hyperopt's `rstate`); exclusive with `seed`. */
  rstate?: Rng;
  /** Seconds after which no new trial starts (Hyperopt's `timeout`). */
  timeout?: number;
  /** Stop once the best loss is below this value (Hyperopt's `loss_threshold`). */
  lossThreshold?: number;
  /** Hyperopt's `early_stop_fn`, e.g. `noProgressLoss(20)`. */
  earlyStopFn?: EarlyStopFn;
  /**
   * Points evaluated first, as vals (choices as option indices, only active labels). They count
   * towards `maxEvals` (as in Hyperopt); only allowed with a new or empty `trials`.
   */
  pointsToEvaluate?: readonly Readonly<Record<string, number>>[];
  /** How many trials to ask the algorithm for at once (Hyperopt's `max_queue_len`, default 1). */
  maxQueueLen?: number;
  /** Record failing trials and continue (true) or stop with TrialEvaluationError (false, default). */
  catchEvalExceptions?: boolean;
  /** Return `trials.argmin` (true, default) or `spaceEval(space, trials.argmin)` (false). */
  returnArgmin?: boolean;
  /** Stop: no new trial starts, NEW and running trials are cancelled, fmin returns what completed. */
  signal?: AbortSignalLike;
  /** Called whenever a trial ends (done, failed or cancelled) with its document. */
  onTrialEnd?: (doc: TrialDoc) => void;
  /** Milliseconds clock for timeout and trial times (default Date.now). */
  clock?: () => number;
  /**
   * Timer used only by asynchronous runs with a timeout, to wake up at the deadline while trials
   * are still running: calls `callback` after `ms` and returns a function that cancels it (fmin
   * cancels it when it returns first). Without it the deadline is checked whenever a trial
   * completes. In a browser or Node: `(callback, ms) => { const id = setTimeout(callback, ms); return () => clearTimeout(id); }`.
   */
  setTimer?: (callback: () => void, ms: number) => () => void;
}

/** fmin's options: an objective `fn`, or an `executor` that evaluates trials itself (or both). */
export type FminOptions<Config = unknown> = FminCommonOptions &
  ({ fn: Objective<Config>; executor?: TrialExecutor } | { fn?: Objective<Config>; executor: TrialExecutor });

const isFn = (v: unknown): boolean => typeof v === 'function';
const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

function optionalFunction(options: Record<string, unknown>, name: string): void {
  if (options[name] !== undefined && !isFn(options[name]))
    throw new FminOptionError(name, `must be a function (got ${show(options[name])})`);
}

function optionalBoolean(options: Record<string, unknown>, name: string): void {
  const v = options[name];
  if (v !== undefined && typeof v !== 'boolean')
    throw new FminOptionError(name, `must be true or false (got ${show(v)})`);
}

/** Throws FminOptionError for the first invalid option. */
export function validateFminOptions(raw: FminOptions<never>): void {
  const o = raw as unknown as Record<string, unknown>;
  if (typeof o !== 'object' || o === null) throw new FminOptionError('options', 'must be an object');
  const givenTrials = o['trials'] as { createExecutor?: unknown } | undefined;
  const trialsBringExecutor =
    typeof givenTrials === 'object' &&
    givenTrials !== null &&
    typeof givenTrials.createExecutor === 'function';
  if (o['fn'] === undefined && o['executor'] === undefined && !trialsBringExecutor)
    throw new FminOptionError('fn', 'is required (the objective to minimize)');
  optionalFunction(o, 'fn');
  if (o['space'] === undefined) throw new FminOptionError('space', 'is required');
  optionalFunction(o, 'algo');
  const maxEvals = o['maxEvals'];
  if (
    maxEvals !== undefined &&
    !(typeof maxEvals === 'number' && maxEvals >= 0 && (Number.isInteger(maxEvals) || maxEvals === Infinity))
  ) {
    throw new FminOptionError(
      'maxEvals',
      `must be a non-negative integer or Infinity (got ${show(maxEvals)})`,
    );
  }
  const timeout = o['timeout'];
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && !Number.isNaN(timeout))) {
    throw new FminOptionError(
      'timeout',
      `should be undefined or a positive number of seconds (got ${show(timeout)})`,
    );
  }
  const threshold = o['lossThreshold'];
  if (threshold !== undefined && !(typeof threshold === 'number' && !Number.isNaN(threshold))) {
    throw new FminOptionError('lossThreshold', `should be undefined or a number (got ${show(threshold)})`);
  }
  const maxQueueLen = o['maxQueueLen'];
  if (
    maxQueueLen !== undefined &&
    !(typeof maxQueueLen === 'number' && Number.isInteger(maxQueueLen) && maxQueueLen >= 1)
  ) {
    throw new FminOptionError('maxQueueLen', `must be an integer >= 1 (got ${show(maxQueueLen)})`);
  }
  const seed = o['seed'];
  if (seed !== undefined && !(typeof seed === 'number' && Number.isSafeInteger(seed))) {
    throw new FminOptionError('seed', `must be a safe integer (got ${show(seed)})`);
  }
  const rstate = o['rstate'] as { integers?: unknown } | undefined;
  if (rstate !== undefined && (typeof rstate !== 'object' || rstate === null || !isFn(rstate.integers))) {
    throw new FminOptionError('rstate', 'must be an Rng (e.g. createRng(seed))');
  }
  if (seed !== undefined && rstate !== undefined)
    throw new FminOptionError('seed', 'and rstate are exclusive: give one of them');
  const trials = o['trials'] as { insertTrialDocs?: unknown } | undefined;
  if (
    trials !== undefined &&
    (typeof trials !== 'object' || trials === null || !isFn(trials.insertTrialDocs))
  ) {
    throw new FminOptionError('trials', 'must be a Trials instance');
  }
  const points = o['pointsToEvaluate'];
  if (points !== undefined && !Array.isArray(points))
    throw new FminOptionError('pointsToEvaluate', 'must be an array of vals objects');
  for (const name of ['earlyStopFn', 'onTrialEnd', 'clock', 'setTimer']) optionalFunction(o, name);
  for (const name of ['catchEvalExceptions', 'returnArgmin']) optionalBoolean(o, name);
  const signal = o['signal'] as { aborted?: unknown } | undefined;
  if (
    signal !== undefined &&
    (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean')
  ) {
    throw new FminOptionError('signal', 'must be an AbortSignal');
  }
  const executor = o['executor'] as { asynchronous?: unknown; parallelism?: unknown } | undefined;
  if (
    executor !== undefined &&
    (typeof executor !== 'object' || executor === null || typeof executor.asynchronous !== 'boolean')
  ) {
    throw new FminOptionError(
      'executor',
      'must be a TrialExecutor ({asynchronous: false, evaluate} or an AsyncExecutor)',
    );
  }
  const parallelism = executor?.parallelism;
  if (
    executor?.asynchronous === true &&
    !(typeof parallelism === 'number' && Number.isInteger(parallelism) && parallelism >= 1)
  ) {
    throw new FminOptionError('executor', `parallelism must be an integer >= 1 (got ${show(parallelism)})`);
  }
  const bounded = maxEvals !== undefined && maxEvals !== Infinity;
  if (
    !bounded &&
    timeout === undefined &&
    threshold === undefined &&
    o['earlyStopFn'] === undefined &&
    signal === undefined
  ) {
    throw new FminOptionError(
      'maxEvals',
      'is required unless timeout, lossThreshold, earlyStopFn or signal can end the run',
    );
  }
}
