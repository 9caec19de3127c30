/**
 * The steps both run loops share: ask the algorithm for trials, record outcomes, check the stop
 * conditions. All are O(1) per trial apart from the algorithm itself.
 */
import { seedFromRng } from '../random';
import { valsToMisc } from '../space';
import { newTrialDoc } from '../trials/docs';
import { isRecord } from '../trials/json';
import type { TrialDoc } from '../trials/types';
import type { RunContext } from './context';
import { TrialEvaluationError } from './errors';
import type { EvalFailure } from './errors';
import type { PendingTrial } from './queue';
import { normalizeResult } from './result';

function algoName(ctx: RunContext): string {
  const name = (ctx.algo as { algoName?: unknown }).algoName;
  return typeof name === 'string' ? `"${name}"` : '';
}

/**
 * Asks the algorithm for up to `n` trials and inserts them as NEW (fmin.py:FMinIter.run: one
 * `rstate.integers(2**31 - 1)` seed per call). Returns how many it gave; 0 means "stop".
 */
export function enqueue(ctx: RunContext, n: number): number {
  const ids = ctx.trials.newTrialIds(n);
  const proposals = ctx.algo(ids, ctx.domain, ctx.trials, seedFromRng(ctx.rstate));
  if (!Array.isArray(proposals) || proposals.length > ids.length) {
    throw new Error(`fmin: algorithm ${algoName(ctx)} must return an array of at most ${ids.length} trials`);
  }
  const allowed = new Set(ids);
  const pending: PendingTrial[] = proposals.map((p) => {
    if (!isRecord(p) || !allowed.delete(p.tid) || !isRecord(p.vals)) {
      throw new Error(
        `fmin: algorithm ${algoName(ctx)} returned a trial that is not {tid, vals} with one of the new ids ${ids.join(', ')}`,
      );
    }
    return { doc: newTrialDoc(p.tid, valsToMisc(ctx.space, p.tid, p.vals), ctx.trials.expKey), vals: p.vals };
  });
  if (pending.length > 1) pending.sort((a, b) => a.doc.tid - b.doc.tid);
  ctx.trials.insertTrialDocs(
    pending.map((p) => p.doc),
    false,
  );
  for (const p of pending) ctx.queue.push(p);
  ctx.nQueued += pending.length;
  return pending.length;
}

function ended(ctx: RunContext, doc: TrialDoc): void {
  if (ctx.onTrialEnd !== undefined) ctx.onTrialEnd(doc);
}

/** Records a failed evaluation; throws TrialEvaluationError unless `catchEvalExceptions`. */
export function recordFailure(ctx: RunContext, doc: TrialDoc, failure: EvalFailure): void {
  ctx.trials.failTrial(doc.tid, [failure.type, failure.message], ctx.clock());
  ended(ctx, doc);
  if (!ctx.catchEvalExceptions) throw new TrialEvaluationError(doc.tid, failure);
}

/** Records what the objective returned (validated like Domain.evaluate). */
export function recordReturn(ctx: RunContext, doc: TrialDoc, raw: unknown): void {
  const normalized = normalizeResult(raw);
  if (!normalized.ok) return recordFailure(ctx, doc, normalized.failure);
  ctx.trials.completeTrial(doc.tid, normalized.result, ctx.clock());
  if (normalized.attachments !== undefined)
    Object.assign(ctx.trials.trialAttachments(doc.tid), normalized.attachments);
  ended(ctx, doc);
}

/** Cancels a NEW or RUNNING trial. */
export function recordCancel(ctx: RunContext, doc: TrialDoc, reason: string): void {
  ctx.trials.cancelTrial(doc.tid, reason, ctx.clock());
  ended(ctx, doc);
}

/** Cancels every trial still waiting in the queue. */
export function cancelQueued(ctx: RunContext, reason: string): void {
  for (const p of ctx.queue.drain()) recordCancel(ctx, p.doc, reason);
}

/** Hyperopt's loop head: `timer() - start_time < timeout` (no trial starts after the deadline). */
export function pastDeadline(ctx: RunContext): boolean {
  return ctx.deadline !== Infinity && ctx.clock() >= ctx.deadline;
}

/**
 * Hyperopt's loop head: continue while `best_loss >= loss_threshold`, i.e. stop once the best loss
 * is strictly below the threshold. The best loss is that of `trials.bestTrial` (status 'ok').
 */
export function belowThreshold(ctx: RunContext): boolean {
  if (ctx.lossThreshold === undefined) return false;
  const best = ctx.trials.bestLoss;
  return best !== undefined && best < ctx.lossThreshold;
}

function applyEarlyStop(ctx: RunContext, answer: unknown): boolean {
  if (
    !Array.isArray(answer) ||
    answer.length !== 2 ||
    typeof answer[0] !== 'boolean' ||
    !Array.isArray(answer[1])
  ) {
    throw new Error('fmin: earlyStopFn must return [stop: boolean, state: unknown[]]');
  }
  ctx.earlyStopState = answer[1] as unknown[];
  return answer[0];
}

/**
 * Calls earlyStopFn with the state it returned last time; true means stop (fmin.py:FMinIter.run).
 * Synchronous for a synchronous earlyStopFn, so a serial run awaits nothing per round.
 */
export function earlyStopRequested(ctx: RunContext): boolean | Promise<boolean> {
  if (ctx.earlyStopFn === undefined) return false;
  const answer = ctx.earlyStopFn(ctx.trials, ...(ctx.earlyStopState as never[]));
  if (Array.isArray(answer)) return applyEarlyStop(ctx, answer);
  return Promise.resolve(answer).then((value) => applyEarlyStop(ctx, value));
}

/** Text recorded on trials cancelled because the run stopped (SparkTrials' cancellation reasons). */
export function stopDescription(ctx: RunContext): string {
  switch (ctx.stopReason) {
    case 'aborted':
      return ctx.abort.reason;
    case 'timeout':
      return 'fmin timeout';
    case 'earlyStop':
      // SparkTrials' wording for trials ended by early_stop_fn.
      return 'early stopping condition';
    case 'lossThreshold':
      return 'fmin loss threshold reached';
    default:
      return 'fmin run ended';
  }
}
