/**
 * The asynchronous run: hyperopt/fmin.py:FMinIter.run with `asynchronous` true, where workers
 * evaluate while fmin keeps the queue filled, but driven by completions instead of Hyperopt's
 * `time.sleep(poll_interval_secs)` polling.
 *
 * At most `parallelism + maxQueueLen - 1` unfinished trials exist at once: with maxQueueLen 1 every
 * suggestion is made when a worker is free and sees every running trial as pending (the protocol
 * of parallel.md); a larger maxQueueLen asks for batches and keeps that many - 1 ready ahead.
 * earlyStopFn and lossThreshold are consulted after every completion. Timeout, early stop, loss
 * threshold and abort cancel the running trials (as SparkTrials does); an empty suggestion or
 * reaching maxEvals lets them finish (Hyperopt's block_until_done).
 */
import { spaceEval } from '../space';
import type { TrialDoc } from '../trials/types';
import { ABORTED } from './abort';
import type { RunContext } from './context';
import type { AsyncExecutor, Completion } from './executor';
import { failureFromThrown } from './result';
import {
  belowThreshold,
  earlyStopRequested,
  enqueue,
  pastDeadline,
  recordCancel,
  recordFailure,
  recordReturn,
  stopDescription,
} from './steps';

const DEADLINE: unique symbol = Symbol('deadline');

/** Starts queued NEW trials while the executor has room (never after the deadline or an abort). */
function dispatch(ctx: RunContext, executor: AsyncExecutor, running: Map<number, TrialDoc>): void {
  while (
    executor.inFlight < executor.parallelism &&
    ctx.queue.length > 0 &&
    !ctx.abort.aborted &&
    !pastDeadline(ctx)
  ) {
    const { doc, vals } = ctx.queue.shift()!;
    ctx.trials.startTrial(doc.tid, ctx.clock());
    let config: unknown;
    try {
      config = spaceEval(ctx.space, vals);
    } catch (error) {
      recordFailure(ctx, doc, failureFromThrown(error));
      continue;
    }
    running.set(doc.tid, doc);
    executor.submit({ tid: doc.tid, vals, config });
  }
}

/** Asks the algorithm for trials while below the cap; returns true when it returned none. */
function fill(
  ctx: RunContext,
  executor: AsyncExecutor,
  running: Map<number, TrialDoc>,
  cap: number,
): boolean {
  while (ctx.nQueued < ctx.toQueue && ctx.queue.length < ctx.maxQueueLen) {
    const room = cap - executor.inFlight - ctx.queue.length;
    if (room <= 0) return false;
    if (enqueue(ctx, Math.min(ctx.maxQueueLen - ctx.queue.length, ctx.toQueue - ctx.nQueued, room)) === 0)
      return true;
    dispatch(ctx, executor, running);
  }
  return false;
}

function record(ctx: RunContext, running: Map<number, TrialDoc>, completion: Completion): void {
  const doc = running.get(completion.tid);
  if (doc === undefined) return; // not ours (e.g. reported after a cancel): ignore
  running.delete(completion.tid);
  if (completion.outcome.ok) recordReturn(ctx, doc, completion.outcome.value);
  else recordFailure(ctx, doc, failureFromThrown(completion.outcome.error));
}

/** Cancels what is still running or queued (after a stop condition or an error). */
function cancelRunning(
  ctx: RunContext,
  executor: AsyncExecutor,
  running: Map<number, TrialDoc>,
  reason: string,
): void {
  if (running.size === 0) return;
  executor.cancelAll(reason);
  for (const doc of [...running.values()]) recordCancel(ctx, doc, reason);
  running.clear();
}

/** Runs until maxEvals, a stop condition, an empty suggestion or an abort. */
export async function runAsync(ctx: RunContext, executor: AsyncExecutor): Promise<void> {
  const running = new Map<number, TrialDoc>();
  const cap = executor.parallelism + ctx.maxQueueLen - 1;
  // Abort and the deadline interrupt the wait for the next completion. They go through one slot
  // rather than Promise.race, which would attach a reaction to the never-settling abort and timer
  // promises on every completion and so hold memory in proportion to the number of trials.
  let interrupted: typeof ABORTED | typeof DEADLINE | undefined;
  let wake: ((value: typeof ABORTED | typeof DEADLINE) => void) | undefined;
  const interrupt = (value: typeof ABORTED | typeof DEADLINE): void => {
    interrupted ??= value;
    wake?.(value);
  };
  void ctx.abort.promise?.then(() => interrupt(ABORTED));
  const cancelTimer =
    ctx.deadline !== Infinity && ctx.setTimer !== undefined
      ? ctx.setTimer(() => interrupt(DEADLINE), Math.max(0, ctx.deadline - ctx.clock()))
      : undefined;
  const nextEvent = (): Promise<Completion | typeof ABORTED | typeof DEADLINE> =>
    interrupted !== undefined
      ? Promise.resolve(interrupted)
      : (new Promise((resolve, reject) => {
          wake = resolve;
          executor.nextCompletion().then(resolve, reject);
        }).finally(() => {
          wake = undefined;
        }) as Promise<Completion | typeof ABORTED | typeof DEADLINE>);
  let exhausted = false;
  try {
    for (;;) {
      if (ctx.abort.aborted) ctx.stopReason = 'aborted';
      else if (pastDeadline(ctx)) ctx.stopReason = 'timeout';
      else if (belowThreshold(ctx)) ctx.stopReason = 'lossThreshold';
      if (ctx.stopReason !== undefined) break;
      if (!exhausted) exhausted = fill(ctx, executor, running, cap);
      dispatch(ctx, executor, running);
      if (executor.inFlight === 0) {
        if (ctx.queue.length === 0) break;
        continue;
      }
      const next = await nextEvent();
      if (next === ABORTED) ctx.stopReason = 'aborted';
      else if (next === DEADLINE) ctx.stopReason = 'timeout';
      else record(ctx, running, next);
      if (ctx.stopReason !== undefined) break;
      const stop = earlyStopRequested(ctx);
      if (stop === true || (stop !== false && (await stop))) {
        ctx.stopReason = 'earlyStop';
        break;
      }
    }
  } catch (error) {
    cancelRunning(
      ctx,
      executor,
      running,
      `fmin failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    throw error;
  } finally {
    cancelTimer?.();
  }
  if (ctx.stopReason === undefined)
    ctx.stopReason = exhausted ? 'algoExhausted' : belowThreshold(ctx) ? 'lossThreshold' : 'maxEvals';
  cancelRunning(ctx, executor, running, stopDescription(ctx));
}
