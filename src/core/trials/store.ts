/**
 * The mechanics under `Trials`: documents in tid order, O(1) lookups, per-state counts, the best
 * trial and the filtered view, all kept incrementally so that nothing a run does per trial is
 * O(number of trials) (Hyperopt's `refresh()` and `count_by_state_unsynced` rescan every document).
 * State changes go through the transition methods (Hyperopt assigns `doc['state']` directly),
 * which keeps those aggregates right.
 */
import {
  JOB_STATE_CANCEL,
  JOB_STATE_DONE,
  JOB_STATE_ERROR,
  JOB_STATE_NEW,
  JOB_STATE_RUNNING,
  STATUS_FAIL,
  STATUS_OK,
} from './types';
import type { JobState, JsonValue, TrialDoc, TrialResult } from './types';
import { InvalidTrial } from './errors';
import { cloneJson } from './json';
import { findTrialDocProblem } from './validate';

const STATE_NAMES = ['NEW', 'RUNNING', 'DONE', 'ERROR', 'CANCEL'];

/** Hyperopt's JOB_VALID_STATES: NEW, RUNNING, DONE (ERROR and CANCEL docs are hidden from `trials`). */
const isValidState = (state: JobState): boolean => state <= JOB_STATE_DONE;

/** A trial that can be the best: valid, status 'ok' and a non-NaN loss (base.py:Trials.best_trial). */
function isCandidate(doc: TrialDoc): boolean {
  const { loss, status } = doc.result;
  return isValidState(doc.state) && status === STATUS_OK && typeof loss === 'number' && !Number.isNaN(loss);
}

/** Lower loss wins; on a tie the earlier trial (lower tid), as np.nanargmin picks the first. */
function beats(doc: TrialDoc, best: TrialDoc | undefined): boolean {
  if (best === undefined) return true;
  const a = doc.result.loss as number;
  const b = best.result.loss as number;
  return a < b || (a === b && doc.tid < best.tid);
}

/** Documents plus incrementally kept aggregates; `Trials` adds Hyperopt's API on top. */
export class TrialStore {
  /** Hyperopt's `exp_key`: every inserted document must carry the same value. */
  readonly expKey: string | null;
  protected all: TrialDoc[] = [];
  protected nextTid = 0;
  protected best: TrialDoc | undefined;
  private byTid = new Map<number, TrialDoc>();
  private validCache: TrialDoc[] | null = [];
  private counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  private lastDone: TrialDoc | undefined;

  constructor(expKey: string | null) {
    this.expKey = expKey;
  }

  /** Documents in NEW, RUNNING or DONE state, in tid order (Hyperopt's `trials.trials`). */
  get trials(): readonly TrialDoc[] {
    if (this.validCache === null) this.validCache = this.all.filter((d) => isValidState(d.state));
    return this.validCache;
  }

  /** Every document, failed and cancelled ones too, in tid order (Hyperopt's `_dynamic_trials`). */
  get allTrials(): readonly TrialDoc[] {
    return this.all;
  }

  /** Hyperopt's `len(trials)`: the number of NEW, RUNNING and DONE documents. */
  get length(): number {
    return this.counts[0] + this.counts[1] + this.counts[2];
  }

  /** The DONE trial that finished most recently (in a serial run: the last trial of `trials`). */
  get lastFinished(): TrialDoc | undefined {
    return this.lastDone;
  }

  /** Reserves `n` fresh tids (base.py:Trials.new_trial_ids). */
  newTrialIds(n: number): number[] {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`newTrialIds: n must be a non-negative integer (got ${n})`);
    }
    const ids = Array.from({ length: n }, (_, i) => this.nextTid + i);
    this.nextTid += n;
    return ids;
  }

  /**
   * Adds documents (base.py:Trials.insert_trial_docs). With `validate` (default) each document is
   * checked and deep-copied; fmin passes false for documents it built itself (Hyperopt's
   * `_insert_trial_docs`). Duplicate tids are always rejected.
   */
  insertTrialDocs(docs: readonly TrialDoc[], validate = true): number[] {
    const ready = docs.map((doc, i) => {
      if (!validate) return doc;
      const problem = findTrialDocProblem(doc, `docs[${i}]`);
      if (problem) throw new InvalidTrial(`${problem.field} ${problem.problem}`);
      if (doc.expKey !== this.expKey) {
        throw new InvalidTrial(
          `docs[${i}].expKey must equal the Trials' expKey ${JSON.stringify(this.expKey)}`,
        );
      }
      return cloneJson(doc as unknown as Record<string, JsonValue>) as unknown as TrialDoc;
    });
    const fresh = new Set<number>();
    for (const doc of ready) {
      if (this.byTid.has(doc.tid) || fresh.has(doc.tid)) {
        throw new InvalidTrial(`a trial with tid ${doc.tid} already exists`);
      }
      fresh.add(doc.tid);
    }
    for (const doc of ready) this.add(doc);
    return ready.map((d) => d.tid);
  }

  /** One-document form of `insertTrialDocs`. */
  insertTrialDoc(doc: TrialDoc): number {
    return this.insertTrialDocs([doc])[0] as number;
  }

  /** The document with this tid, in any state. */
  getTrial(tid: number): TrialDoc | undefined {
    return this.byTid.get(tid);
  }

  /** Hyperopt's `count_by_state_unsynced`, O(1): documents in the given state(s). */
  countByStateUnsynced(states: JobState | readonly JobState[]): number {
    const list: readonly JobState[] = typeof states === 'number' ? [states] : states;
    return list.reduce<number>((sum, s) => sum + this.counts[s], 0);
  }

  /** NEW -> RUNNING; sets bookTime and refreshTime (fmin.py:FMinIter.serial_evaluate). */
  startTrial(tid: number, now: number): TrialDoc {
    return this.transition(tid, [JOB_STATE_NEW], JOB_STATE_RUNNING, (doc) => {
      doc.bookTime = now;
      doc.refreshTime = now;
    });
  }

  /** NEW or RUNNING -> DONE with the objective's (validated) result. */
  completeTrial(tid: number, result: TrialResult, now: number): TrialDoc {
    return this.transition(tid, [JOB_STATE_NEW, JOB_STATE_RUNNING], JOB_STATE_DONE, (doc) => {
      doc.result = result;
      doc.refreshTime = now;
    });
  }

  /**
   * NEW or RUNNING -> ERROR. Hyperopt records `misc.error = (type, message)`; the reason also goes
   * to `result.error` (status 'fail') so the document explains itself.
   */
  failTrial(tid: number, error: [string, string], now: number): TrialDoc {
    return this.transition(tid, [JOB_STATE_NEW, JOB_STATE_RUNNING], JOB_STATE_ERROR, (doc) => {
      doc.misc.error = error;
      doc.result = { status: STATUS_FAIL, error: `${error[0]}: ${error[1]}` };
      doc.refreshTime = now;
    });
  }

  /** NEW or RUNNING -> CANCEL (SparkTrials' cancelled trials), the reason in misc.error and result.error. */
  cancelTrial(tid: number, reason: string, now: number): TrialDoc {
    return this.transition(tid, [JOB_STATE_NEW, JOB_STATE_RUNNING], JOB_STATE_CANCEL, (doc) => {
      doc.misc.error = ['Cancelled', reason];
      doc.result = { status: STATUS_FAIL, error: `cancelled: ${reason}` };
      doc.refreshTime = now;
    });
  }

  /** Hyperopt's `refresh()`: rebuilds the derived views (only needed after editing docs by hand). */
  refresh(): void {
    const docs = this.all;
    this.clearDocs();
    for (const doc of docs) this.add(doc);
  }

  /** Forgets every document (not the reserved ids). */
  protected clearDocs(): void {
    this.all = [];
    this.byTid = new Map();
    this.validCache = [];
    this.counts = [0, 0, 0, 0, 0];
    this.best = undefined;
    this.lastDone = undefined;
  }

  private add(doc: TrialDoc): void {
    const last = this.all[this.all.length - 1];
    if (last === undefined || doc.tid > last.tid) {
      this.all.push(doc);
      if (this.validCache !== null && isValidState(doc.state)) this.validCache.push(doc);
    } else {
      let lo = 0;
      let hi = this.all.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.all[mid]!.tid < doc.tid) lo = mid + 1;
        else hi = mid;
      }
      this.all.splice(lo, 0, doc);
      this.validCache = null;
    }
    this.byTid.set(doc.tid, doc);
    this.counts[doc.state] += 1;
    this.nextTid = Math.max(this.nextTid, doc.tid + 1);
    if (isCandidate(doc) && beats(doc, this.best)) this.best = doc;
    if (doc.state === JOB_STATE_DONE && (this.lastDone === undefined || doc.tid > this.lastDone.tid)) {
      this.lastDone = doc;
    }
  }

  private transition(
    tid: number,
    from: readonly JobState[],
    to: JobState,
    apply: (doc: TrialDoc) => void,
  ): TrialDoc {
    const doc = this.byTid.get(tid);
    if (doc === undefined) throw new InvalidTrial(`no trial with tid ${tid}`);
    if (!from.includes(doc.state)) {
      throw new InvalidTrial(
        `trial ${tid} is ${STATE_NAMES[doc.state]} and cannot become ${STATE_NAMES[to]}`,
      );
    }
    this.counts[doc.state] -= 1;
    apply(doc);
    doc.state = to;
    this.counts[to] += 1;
    if (!isValidState(to)) {
      this.validCache = null;
      // Rare (only inserted docs can be NEW with an ok result): recompute from scratch.
      if (this.best === doc) {
        this.best = this.all
          .filter(isCandidate)
          .reduce<TrialDoc | undefined>((b, d) => (beats(d, b) ? d : b), undefined);
      }
    } else if (isCandidate(doc) && beats(doc, this.best)) {
      this.best = doc;
    }
    if (to === JOB_STATE_DONE) this.lastDone = doc;
    return doc;
  }
}
