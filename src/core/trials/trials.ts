/**
 * Hyperopt's in-memory `Trials` (hyperopt/base.py:Trials) in camelCase, over plain TrialDoc data.
 * The document bookkeeping lives in TrialStore (store.ts); this class adds Hyperopt's queries,
 * best trial and argmin, attachments and the JSON form. It knows nothing of storage.
 */
import type { JsonValue, Status, TrialDoc, TrialMisc, TrialResult } from './types';
import type { TrialsView } from '../algorithms/types';
import type { Vals } from '../space/types';
import { AllTrialsFailed, InvalidTrial } from './errors';
import { TrialStore } from './store';
import { parseTrialsDocument } from './trialsJson';
import type { TrialsDocument } from './trialsJson';

export interface TrialsOptions {
  /** Hyperopt's `exp_key`: every inserted document must carry the same value. */
  expKey?: string | null;
}

/** The store of trial documents that fmin fills and algorithms read. */
export class Trials extends TrialStore implements TrialsView {
  /** Hyperopt's `Trials.asynchronous`: false here; a worker-pool store sets it to true. */
  readonly asynchronous: boolean = false;
  /** Global attachments, key -> JSON-safe value (Hyperopt's `trials.attachments`). */
  attachments: Record<string, JsonValue> = {};
  private perTrial = new Map<number, Record<string, JsonValue>>();

  constructor(options: TrialsOptions = {}) {
    super(options.expKey ?? null);
  }

  [Symbol.iterator](): Iterator<TrialDoc> {
    return this.trials[Symbol.iterator]();
  }

  get tids(): number[] {
    return this.trials.map((d) => d.tid);
  }
  get specs(): null[] {
    return this.trials.map((d) => d.spec);
  }
  get results(): TrialResult[] {
    return this.trials.map((d) => d.result);
  }
  get miscs(): TrialMisc[] {
    return this.trials.map((d) => d.misc);
  }

  /** Hyperopt's `losses()`: `result.loss` per trial, null where absent. */
  losses(): (number | null)[] {
    return this.trials.map((d) => d.result.loss ?? null);
  }

  /** Hyperopt's `statuses()`. */
  statuses(): Status[] {
    return this.trials.map((d) => d.result.status);
  }

  /** Hyperopt's `idxs_vals` (base.py:miscs_to_idxs_vals): label -> tids and values, concatenated. */
  idxsVals(): { idxs: Record<string, number[]>; vals: Record<string, number[]> } {
    const idxs: Record<string, number[]> = {};
    const vals: Record<string, number[]> = {};
    for (const { misc } of this.trials) {
      for (const label of Object.keys(misc.vals)) {
        (idxs[label] ??= []).push(...(misc.idxs[label] ?? []));
        (vals[label] ??= []).push(...(misc.vals[label] ?? []));
      }
    }
    return { idxs, vals };
  }

  /**
   * The trial with the lowest loss among status 'ok' and non-NaN losses, the first on ties
   * (base.py:Trials.best_trial). Throws AllTrialsFailed when there is none.
   */
  get bestTrial(): TrialDoc {
    if (this.best === undefined) throw new AllTrialsFailed();
    return this.best;
  }

  /** Loss of `bestTrial`, or undefined when there is no best trial (does not throw). */
  get bestLoss(): number | undefined {
    return this.best?.result.loss;
  }

  /**
   * The best trial's values, one per label, inactive labels omitted (base.py:Trials.argmin);
   * choices appear as option indices. Throws AllTrialsFailed when there is no best trial.
   */
  get argmin(): Vals {
    const out: Vals = {};
    for (const [label, list] of Object.entries(this.bestTrial.misc.vals)) {
      if (list.length > 0) out[label] = list[0]!;
    }
    return out;
  }

  /** Attachments of one trial, key -> JSON-safe value; the returned object is live and writable. */
  trialAttachments(tid: number): Record<string, JsonValue> {
    if (this.getTrial(tid) === undefined) throw new InvalidTrial(`no trial with tid ${tid}`);
    let map = this.perTrial.get(tid);
    if (map === undefined) this.perTrial.set(tid, (map = {}));
    return map;
  }

  /** Removes every document and attachment and resets the ids (base.py:Trials.delete_all). */
  deleteAll(): void {
    this.clearDocs();
    this.nextTid = 0;
    this.attachments = {};
    this.perTrial = new Map();
  }

  /** The versioned JSON form (a deep copy): `{format: 'hyperopt-trials', version: 1, ...}`. */
  toJSON(): TrialsDocument {
    const trialAttachments: Record<string, Record<string, JsonValue>> = {};
    for (const [tid, map] of this.perTrial) {
      if (Object.keys(map).length > 0) trialAttachments[String(tid)] = map;
    }
    const doc: TrialsDocument = {
      format: 'hyperopt-trials',
      version: 1,
      expKey: this.expKey,
      nextTid: this.nextTid,
      trials: this.all,
      attachments: this.attachments,
      trialAttachments,
    };
    return JSON.parse(JSON.stringify(doc)) as TrialsDocument;
  }

  /**
   * Rebuilds a store from `toJSON()` output (object or JSON text). Throws TrialsFormatError naming
   * the first malformed field.
   */
  static fromJSON(input: unknown): Trials {
    const parsed = parseTrialsDocument(input);
    const data = (typeof input === 'string' ? parsed : JSON.parse(JSON.stringify(parsed))) as TrialsDocument;
    const trials = new Trials({ expKey: data.expKey });
    trials.insertTrialDocs(data.trials, false);
    trials.nextTid = data.nextTid;
    trials.attachments = data.attachments;
    for (const [tid, map] of Object.entries(data.trialAttachments)) trials.perTrial.set(Number(tid), map);
    return trials;
  }
}
