/**
 * Progress of a run as plain data events, sent by the driver to the page in batches. The page
 * reduces them into a view (progress.ts); tracking will store them.
 */
import type { AlgoSpec, StopReason } from '../../core';
import type { ChildRunLog } from '../pool/trialProtocol';
import type { ParallelismResolution } from '../pool/parallelism';
import type { TrialsKind } from './runRequest';

/**
 * Bump when an event's shape changes. 2: trialStarted carries the worker `slot`, trialEnded its
 * end time `at` (the pool's timeline). 3: runStarted carries the space document and the algorithm
 * spec, trialQueued the suggest call that made it (`suggest`), so a proposal can be replayed.
 */
export const RUN_EVENTS_VERSION = 3;

/**
 * The suggest call that proposed a trial: what the algorithm was given, so the proposal can be
 * replayed exactly (e.g. `explainTpe`). The history it saw is every trial with a tid below
 * `firstTid`; those in `pending` had not ended yet, the others had their final result.
 */
export interface SuggestCall {
  /** The seed fmin drew for the call (one `seedFromRng(rstate)` per call). */
  seed: number;
  /** The first new id of the call (a call may propose several trials). */
  firstTid: number;
  /** Tids of the trials queued or running at the time of the call, ascending. */
  pending: number[];
  /**
   * How many trials the algorithm was given (Hyperopt's `trials.trials`: failed and cancelled ones
   * left out). fmin may skip ids (TPE takes one of the ids a call offers), so this, not `firstTid`,
   * tells whether a replayed history is complete.
   */
  nTrials?: number;
}

export type TrialOutcome = 'ok' | 'failed' | 'cancelled';

export interface TrialErrorView {
  /** Error class, e.g. "TypeError", "TrialTimeoutError", "InvalidLoss". */
  type: string;
  message: string;
  /** Line in the user's objective, when known. */
  line?: number;
}

export interface RunSummary {
  total: number;
  succeeded: number;
  failed: number;
  cancelled: number;
}

/** A trial of the run being resumed, as the Results region shows it. */
export interface ResumedTrialView {
  tid: number;
  outcome: TrialOutcome;
  loss?: number;
  vals: Record<string, number>;
}

export type RunEvent =
  | {
      type: 'runStarted';
      /** Epoch milliseconds. */
      startedAt: number;
      maxEvals: number;
      trialsKind: TrialsKind;
      parallelism: ParallelismResolution;
      timeout: number | undefined;
      perTrialTimeout: number | undefined;
      algo: string;
      /** The algorithm as requested (name and options) and the space document (version 3). */
      algoSpec?: AlgoSpec;
      spaceDocument?: unknown;
    }
  /**
   * A resumed run's previous trials (right after runStarted), in tid order: shown as they were, not
   * recorded again. `counted` of them count towards maxEvals (fmin's `len(trials)`).
   */
  | { type: 'trialsResumed'; trials: ResumedTrialView[]; counted: number }
  | { type: 'trialQueued'; tid: number; suggest?: SuggestCall }
  /** `at`: milliseconds since the run started. */
  | {
      type: 'trialStarted';
      tid: number;
      at: number;
      /** The pool lane (worker slot) running it, in [0, parallelism). */
      slot: number;
    }
  | {
      type: 'trialEnded';
      tid: number;
      /** Milliseconds since the run started, when the trial ended. */
      at: number;
      outcome: TrialOutcome;
      loss?: number;
      durationMs: number;
      /** Active hyperparameter values (choices as option indices). */
      vals: Record<string, number>;
      error?: TrialErrorView;
      run?: ChildRunLog;
    }
  | { type: 'bestSoFar'; tid: number; loss: number }
  | {
      type: 'runEnded';
      stopReason: StopReason | 'error';
      summary: RunSummary;
      best?: { tid: number; loss: number; vals: Record<string, number> };
      /** Milliseconds from start to fmin returning. */
      elapsedMs: number;
      /** Milliseconds from the Stop request, or the timeout's deadline, to fmin returning. */
      stopLatencyMs?: number;
      /** Why the run could not run or failed, as a sentence for the user. */
      error?: string;
    };

/** What the driver posts to the page. */
export interface RunEventBatch {
  v: typeof RUN_EVENTS_VERSION;
  runId: number;
  events: RunEvent[];
}

/** Driver -> page, on the events port: the sandbox stopped answering; make a new one. */
export interface SandboxLostNotice {
  v: typeof RUN_EVENTS_VERSION;
  sandboxLost: true;
}

/** True for a {@link SandboxLostNotice}. */
export function isSandboxLostNotice(data: unknown): data is SandboxLostNotice {
  const notice = data as Partial<SandboxLostNotice> | null;
  return (
    typeof notice === 'object' &&
    notice !== null &&
    notice.v === RUN_EVENTS_VERSION &&
    notice.sandboxLost === true
  );
}

/**
 * The decode function of the driver -> page stream. The driver is our own code, so this checks
 * the envelope and the event tags (cheap enough for thousands of events), not every field.
 */
export function decodeRunEventBatch(data: unknown): RunEventBatch | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const batch = data as Partial<RunEventBatch>;
  if (batch.v !== RUN_EVENTS_VERSION || typeof batch.runId !== 'number' || !Array.isArray(batch.events))
    return undefined;
  for (const event of batch.events as unknown[]) {
    if (typeof event !== 'object' || event === null) return undefined;
    const e = event as { type?: unknown; at?: unknown; slot?: unknown };
    if (typeof e.type !== 'string') return undefined;
    // The timeline's fields (version 2): times finite and not negative, lanes small whole numbers.
    if ((e.type === 'trialStarted' || e.type === 'trialEnded') && !(typeof e.at === 'number' && e.at >= 0))
      return undefined;
    if (
      e.type === 'trialStarted' &&
      !(Number.isInteger(e.slot) && (e.slot as number) >= 0 && (e.slot as number) < 1024)
    )
      return undefined;
  }
  return batch as RunEventBatch;
}
