/**
 * The state of one fmin call (Hyperopt's FMinIter), built from validated options.
 */
import { getRegisteredAlgo } from '../algorithms/registry';
import { rand } from '../algorithms/rand';
import type { Domain, SuggestFn } from '../algorithms/types';
import type { EarlyStopFn } from '../earlyStop/types';
import { createRng } from '../random';
import type { Rng } from '../random/types';
import { compileSpace, isCompiledSpace, miscToVals } from '../space';
import type { CompiledSpace } from '../space/types';
import { Trials } from '../trials/trials';
import { JOB_STATE_NEW, JOB_STATE_RUNNING } from '../trials/types';
import type { TrialDoc } from '../trials/types';
import { AbortWatch } from './abort';
import { FminOptionError } from './errors';
import { createSerialExecutor } from './executor';
import type { ExecutorProvider, Objective, TrialExecutor } from './executor';
import type { FminOptions } from './options';
import { checkPoint, pointsToPending } from './points';
import { TrialQueue } from './queue';

/** Why a run ended. */
export type StopReason = 'maxEvals' | 'algoExhausted' | 'earlyStop' | 'lossThreshold' | 'timeout' | 'aborted';

export interface RunContext {
  readonly space: CompiledSpace;
  readonly domain: Domain;
  readonly algo: SuggestFn;
  readonly trials: Trials;
  readonly rstate: Rng;
  readonly executor: TrialExecutor;
  readonly clock: () => number;
  /** Epoch ms after which no trial starts (Infinity without timeout). */
  readonly deadline: number;
  readonly setTimer: ((callback: () => void, ms: number) => () => void) | undefined;
  readonly maxQueueLen: number;
  /** Trials this call may still ask the algorithm for (Hyperopt's N = max_evals - len(trials)). */
  readonly toQueue: number;
  nQueued: number;
  readonly lossThreshold: number | undefined;
  readonly earlyStopFn: EarlyStopFn | undefined;
  earlyStopState: readonly unknown[];
  readonly catchEvalExceptions: boolean;
  readonly onTrialEnd: ((doc: TrialDoc) => void) | undefined;
  readonly queue: TrialQueue;
  readonly abort: AbortWatch;
  stopReason: StopReason | undefined;
}

/** Hyperopt defaults to tpe.suggest (fmin.py); until the tpe module is imported and registered, rand. */
function defaultAlgo(): SuggestFn {
  return getRegisteredAlgo('tpe') ?? rand.suggest;
}

function pickExecutor(options: FminOptions<never>, trials: Trials): TrialExecutor {
  if (options.executor !== undefined) return options.executor;
  const fn = options.fn as Objective | undefined;
  const provider = trials as Trials & Partial<ExecutorProvider>;
  if (typeof provider.createExecutor === 'function') return provider.createExecutor(fn);
  if (trials.asynchronous)
    throw new FminOptionError(
      'executor',
      'is required with an asynchronous Trials that does not provide one',
    );
  return createSerialExecutor(fn as Objective);
}

/** Builds the run state; inserts `pointsToEvaluate` as NEW trials. Options must be validated. */
export function createRunContext(options: FminOptions<never>): RunContext {
  const clock = options.clock ?? Date.now;
  const startTime = clock();
  const space = isCompiledSpace(options.space) ? options.space : compileSpace(options.space);
  const trials = options.trials ?? new Trials();
  const points = options.pointsToEvaluate;
  const maxEvals = options.maxEvals ?? Infinity;
  if (points !== undefined && points.length > 0) {
    // Hyperopt only uses points_to_evaluate when it creates the Trials (fmin.py), and silently
    // ignores them otherwise; mixing them into an existing history is refused here instead.
    if (trials.allTrials.length > 0)
      throw new FminOptionError(
        'pointsToEvaluate',
        'cannot be combined with a non-empty trials (resume without points, or start a new Trials)',
      );
    if (points.length > maxEvals)
      throw new FminOptionError(
        'pointsToEvaluate',
        `has ${points.length} points but maxEvals is ${maxEvals}: points count towards maxEvals`,
      );
  }
  // Everything is checked before the store is touched.
  const pointVals = (points ?? []).map((point, i) => checkPoint(space, point, i));
  const executor = pickExecutor(options, trials);
  // A RUNNING doc at the start was interrupted (e.g. restored from JSON); it can never complete.
  for (const doc of trials.allTrials.filter((d) => d.state === JOB_STATE_RUNNING)) {
    trials.cancelTrial(doc.tid, 'interrupted: the trial was running when this fmin call started', startTime);
  }
  const queue = new TrialQueue();
  for (const doc of trials.allTrials)
    if (doc.state === JOB_STATE_NEW) queue.push({ doc, vals: miscToVals(doc.misc) });
  if (pointVals.length > 0) {
    const pending = pointsToPending(space, pointVals, trials.newTrialIds(pointVals.length), trials.expKey);
    trials.insertTrialDocs(
      pending.map((p) => p.doc),
      false,
    );
    for (const p of pending) queue.push(p);
  }
  const timeout = options.timeout;
  return {
    space,
    domain: { space },
    algo: options.algo ?? defaultAlgo(),
    trials,
    rstate: options.rstate ?? createRng(options.seed ?? Math.floor(Math.abs(startTime)) % (2 ** 31 - 1)),
    executor,
    clock,
    deadline: timeout === undefined ? Infinity : startTime + timeout * 1000,
    setTimer: options.setTimer,
    maxQueueLen: options.maxQueueLen ?? 1,
    toQueue: Math.max(0, maxEvals - trials.length),
    nQueued: 0,
    lossThreshold: options.lossThreshold,
    earlyStopFn: options.earlyStopFn,
    earlyStopState: [],
    catchEvalExceptions: options.catchEvalExceptions ?? false,
    onTrialEnd: options.onTrialEnd,
    queue,
    abort: new AbortWatch(options.signal),
    stopReason: undefined,
  };
}
