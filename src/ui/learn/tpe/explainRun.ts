/**
 * A TPE run as the "How TPE chose this" topic needs it, as plain JSON-safe data: the space document,
 * the algorithm's options, and per trial its values, outcome and the suggest call that proposed it.
 * Both sources (the playground's last run, the topic's own demo run) are turned into this shape and
 * checked by {@link decodeExplainRun}, the one boundary of the topic.
 */
import {
  JOB_STATE_DONE,
  newTrialDoc,
  parseSpaceDocument,
  valsToMisc,
  type AlgoSpec,
  type CompiledSpace,
  type JsonValue,
  type TrialDoc,
  type TrialResult,
} from '../../../core';
import type { SuggestCall } from '../../../runtime/run/events';
import type { RunView, TrialRow } from '../../../runtime/run/progress';

export const EXPLAIN_RUN_VERSION = 1;

/** How a trial ended, as TPE reads it: `errored` trials (failed with an error, cancelled) keep no result. */
export type ExplainOutcome = 'ok' | 'fail' | 'errored' | 'pending';

export interface ExplainTrial {
  tid: number;
  /** Active labels only; choices as option indices. */
  vals: Record<string, number>;
  outcome: ExplainOutcome;
  loss?: number;
  /** The call that proposed it; absent when the source did not record it. */
  suggest?: SuggestCall;
}

export interface ExplainRun {
  v: typeof EXPLAIN_RUN_VERSION;
  /** A space document (`toSpaceDocument`). */
  space: unknown;
  /** The algorithm spec's options (TPE's knobs; {} for Hyperopt's defaults). */
  options: Record<string, JsonValue>;
  /** In tid order. */
  trials: ExplainTrial[];
}

/** The run cannot be explained; `message` says why in a sentence. */
export class ExplainRunError extends Error {
  override name = 'ExplainRunError';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const OUTCOMES: readonly string[] = ['ok', 'fail', 'errored', 'pending'];

function decodeSuggest(value: unknown, tid: number): SuggestCall | undefined {
  if (value === undefined) return undefined;
  const fail = (): never => {
    throw new ExplainRunError(`Trial ${tid}: its suggest call record is malformed.`);
  };
  if (!isRecord(value)) return fail();
  const { seed, firstTid, pending, nTrials } = value;
  if (nTrials !== undefined && !(Number.isSafeInteger(nTrials) && (nTrials as number) >= 0)) fail();
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(firstTid) || (firstTid as number) > tid) fail();
  if (!Array.isArray(pending) || !pending.every((p) => Number.isSafeInteger(p) && p < (firstTid as number)))
    fail();
  const call: SuggestCall = {
    seed: seed as number,
    firstTid: firstTid as number,
    pending: [...(pending as number[])],
  };
  if (nTrials !== undefined) call.nTrials = nTrials as number;
  return call;
}

/**
 * Checks a run record and returns a clean copy.
 *
 * @throws ExplainRunError naming the first problem.
 */
export function decodeExplainRun(value: unknown): ExplainRun {
  if (!isRecord(value) || value['v'] !== EXPLAIN_RUN_VERSION)
    throw new ExplainRunError(`This run record is not version ${EXPLAIN_RUN_VERSION} data.`);
  const options = value['options'];
  if (!isRecord(options)) throw new ExplainRunError('The run record has no algorithm options.');
  const list = value['trials'];
  if (!Array.isArray(list)) throw new ExplainRunError('The run record has no trials.');
  const trials: ExplainTrial[] = [];
  let previous = -1;
  for (const item of list as unknown[]) {
    if (!isRecord(item) || !Number.isSafeInteger(item['tid']) || (item['tid'] as number) <= previous)
      throw new ExplainRunError('The run record has trials out of order or without a tid.');
    const tid = item['tid'] as number;
    previous = tid;
    const vals = item['vals'];
    if (!isRecord(vals) || !Object.values(vals).every((v) => typeof v === 'number'))
      throw new ExplainRunError(`Trial ${tid}: its values are not numbers by label.`);
    const outcome = item['outcome'];
    if (typeof outcome !== 'string' || !OUTCOMES.includes(outcome))
      throw new ExplainRunError(`Trial ${tid}: unknown outcome ${JSON.stringify(outcome)}.`);
    const trial: ExplainTrial = {
      tid,
      vals: { ...(vals as Record<string, number>) },
      outcome: outcome as ExplainOutcome,
    };
    const loss = item['loss'];
    if (loss !== undefined) {
      if (typeof loss !== 'number') throw new ExplainRunError(`Trial ${tid}: its loss is not a number.`);
      trial.loss = loss;
    }
    const suggest = decodeSuggest(item['suggest'], tid);
    if (suggest !== undefined) trial.suggest = suggest;
    trials.push(trial);
  }
  return {
    v: EXPLAIN_RUN_VERSION,
    space: value['space'],
    options: { ...(options as Record<string, JsonValue>) },
    trials,
  };
}

function outcomeOf(row: TrialRow): ExplainOutcome {
  if (row.status === 'ok') return 'ok';
  // A failed trial with an error was recorded by failTrial (ERROR state); without one, the objective
  // returned status 'fail' and the document is DONE. TPE tells the two apart only through the state.
  if (row.status === 'failed') return row.error === undefined ? 'fail' : 'errored';
  if (row.status === 'cancelled') return 'errored';
  return 'pending';
}

/**
 * The record of a playground run (its RunView).
 *
 * @throws ExplainRunError when the run did not use TPE or predates the recorded suggest calls.
 */
export function explainRunFromView(view: RunView): ExplainRun {
  const spec: AlgoSpec | undefined = view.algoSpec;
  if (spec === undefined || view.spaceDocument === undefined)
    throw new ExplainRunError('This run did not record its space and algorithm; run it again.');
  if (spec.name !== 'tpe')
    throw new ExplainRunError(`This run used ${spec.name}, not TPE: there is no TPE decision to explain.`);
  const trials = view.rows.map((row): ExplainTrial => {
    const trial: ExplainTrial = { tid: row.tid, vals: { ...(row.vals ?? {}) }, outcome: outcomeOf(row) };
    if (row.loss !== undefined) trial.loss = row.loss;
    if (row.suggest !== undefined) trial.suggest = row.suggest;
    return trial;
  });
  return decodeExplainRun({
    v: EXPLAIN_RUN_VERSION,
    space: view.spaceDocument,
    options: spec.options ?? {},
    trials,
  });
}

/** The run's space, compiled. @throws ExplainRunError with the space's own message. */
export function compileRunSpace(run: ExplainRun): CompiledSpace {
  try {
    return parseSpaceDocument(run.space);
  } catch (error) {
    throw new ExplainRunError(
      `The run's space cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function resultOf(trial: ExplainTrial): { state: TrialDoc['state']; result: TrialResult } {
  const loss = trial.loss === undefined ? {} : { loss: trial.loss };
  // 'ok' and 'fail' (the objective returned status 'fail') are DONE documents with their result.
  return { state: JOB_STATE_DONE, result: { status: trial.outcome === 'ok' ? 'ok' : 'fail', ...loss } };
}

/** What the suggest call that proposed a trial was given, rebuilt. */
export interface ReplayedCall {
  tid: number;
  seed: number;
  /** The trials as the call saw them (ended ones with their result, pending ones as new). */
  docs: TrialDoc[];
  /** How many of `docs` were pending (queued or running). */
  nPending: number;
  /** Trials that had failed or been cancelled by then (left out of the history, as in Hyperopt). */
  nLeftOut: number;
}

/**
 * Rebuilds the history the suggest call of trial `tid` saw. Returns a sentence instead when the run
 * did not record that call or a trial it saw.
 */
export function replayCall(run: ExplainRun, space: CompiledSpace, tid: number): ReplayedCall | string {
  const trial = run.trials.find((t) => t.tid === tid);
  if (trial === undefined) return `Trial ${tid} is not in this run.`;
  const call = trial.suggest;
  if (call === undefined)
    return `Trial ${tid}'s suggest call was not recorded (a run from an older version).`;
  const pending = new Set(call.pending);
  const docs: TrialDoc[] = [];
  let seen = 0;
  for (const t of run.trials) {
    if (t.tid >= call.firstTid) break;
    seen++;
    if (pending.has(t.tid)) {
      // Values reach the page when a trial ends: one still running cannot be put back in the history.
      if (t.outcome === 'pending')
        return `Trial ${t.tid}, which was running when trial ${tid} was proposed, has not reported its values yet.`;
      docs.push(newTrialDoc(t.tid, valsToMisc(space, t.tid, t.vals)));
      continue;
    }
    if (t.outcome === 'pending') return `Trial ${t.tid}, which trial ${tid} saw, has no recorded result yet.`;
    // Hyperopt's `trials.trials` leaves out failed (ERROR) and cancelled documents: TPE never sees them.
    if (t.outcome === 'errored') continue;
    docs.push({ ...newTrialDoc(t.tid, valsToMisc(space, t.tid, t.vals)), ...resultOf(t) });
  }
  // The call's own count of the trials it was given: a difference means this record lacks some.
  if (call.nTrials !== undefined && docs.length !== call.nTrials)
    return `Trials before ${tid} are missing from this run (its call saw ${call.nTrials}, the record has ${docs.length}).`;
  return { tid, seed: call.seed, docs, nPending: pending.size, nLeftOut: seen - docs.length };
}
