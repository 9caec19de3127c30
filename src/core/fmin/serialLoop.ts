/**
 * The serial run: hyperopt/fmin.py:FMinIter.run with `asynchronous` false. Each round tops the
 * queue of NEW trials up to `maxQueueLen` (asking the algorithm for
 * `min(maxQueueLen - qlen, N - nQueued)` at a time), evaluates every NEW trial in tid order
 * (FMinIter.serial_evaluate), then consults earlyStopFn; timeout and lossThreshold are checked at
 * the head of each round, as Hyperopt's `while` condition does.
 *
 * Beyond Hyperopt: the deadline and the abort signal are also checked before each trial, so no
 * trial starts after the deadline even with `maxQueueLen > 1`; NEW trials left over are cancelled.
 */
import { spaceEval } from '../space';
import { ABORTED } from './abort';
import type { RunContext } from './context';
import type { SerialExecutor } from './executor';
import type { PendingTrial } from './queue';
import { failureFromThrown } from './result';
import {
  belowThreshold,
  earlyStopRequested,
  enqueue,
  pastDeadline,
  recordCancel,
  recordFailure,
  recordReturn,
} from './steps';

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Awaits an async objective, racing the abort signal: on abort the trial is cancelled, its result ignored. */
async function settle(ctx: RunContext, pending: PendingTrial, promise: PromiseLike<unknown>): Promise<void> {
  let value: unknown;
  try {
    value = await ctx.abort.race(promise);
  } catch (error) {
    return recordFailure(ctx, pending.doc, failureFromThrown(error));
  }
  if (value === ABORTED) {
    ctx.stopReason = 'aborted';
    return recordCancel(ctx, pending.doc, ctx.abort.reason);
  }
  recordReturn(ctx, pending.doc, value);
}

/** Evaluates one trial; returns a promise only when the objective is asynchronous. */
function evaluate(ctx: RunContext, executor: SerialExecutor, pending: PendingTrial): void | Promise<void> {
  const { doc, vals } = pending;
  ctx.trials.startTrial(doc.tid, ctx.clock());
  let raw: unknown;
  try {
    raw = executor.evaluate({ tid: doc.tid, vals, config: spaceEval(ctx.space, vals) });
  } catch (error) {
    return recordFailure(ctx, doc, failureFromThrown(error));
  }
  if (isPromiseLike(raw)) return settle(ctx, pending, raw);
  recordReturn(ctx, doc, raw);
}

/** Stops before a trial on abort or past the deadline; true when the run must stop. */
function mustStop(ctx: RunContext): boolean {
  if (ctx.abort.aborted) ctx.stopReason = 'aborted';
  else if (pastDeadline(ctx)) ctx.stopReason = 'timeout';
  return ctx.stopReason !== undefined;
}

/**
 * FMinIter.serial_evaluate: every queued NEW trial, in order, unless the run must stop first.
 * Synchronous while the objective is, so a sync objective never waits for the event loop.
 */
function evaluateQueue(ctx: RunContext, executor: SerialExecutor): void | Promise<void> {
  while (ctx.queue.length > 0 && !mustStop(ctx)) {
    const pending = ctx.queue.shift()!;
    const waiting = evaluate(ctx, executor, pending);
    if (waiting !== undefined)
      return waiting.then(() => (ctx.stopReason === undefined ? evaluateQueue(ctx, executor) : undefined));
  }
}

/** Runs rounds until maxEvals, a stop condition, an empty suggestion or an abort. */
export async function runSerial(ctx: RunContext, executor: SerialExecutor): Promise<void> {
  while (ctx.nQueued < ctx.toQueue || ctx.queue.length > 0) {
    if (ctx.abort.aborted) {
      ctx.stopReason = 'aborted';
      return;
    }
    if (pastDeadline(ctx)) {
      ctx.stopReason = 'timeout';
      return;
    }
    if (belowThreshold(ctx)) {
      ctx.stopReason = 'lossThreshold';
      return;
    }
    let exhausted = false;
    while (ctx.queue.length < ctx.maxQueueLen && ctx.nQueued < ctx.toQueue) {
      if (enqueue(ctx, Math.min(ctx.maxQueueLen - ctx.queue.length, ctx.toQueue - ctx.nQueued)) === 0) {
        exhausted = true;
        break;
      }
    }
    const waiting = evaluateQueue(ctx, executor);
    if (waiting !== undefined) await waiting;
    if (ctx.stopReason !== undefined) return;
    const stop = earlyStopRequested(ctx);
    if (stop === true || (stop !== false && (await stop))) {
      ctx.stopReason = 'earlyStop';
      return;
    }
    if (exhausted) {
      ctx.stopReason = 'algoExhausted';
      return;
    }
  }
  ctx.stopReason = belowThreshold(ctx) ? 'lossThreshold' : 'maxEvals';
}
