/**
 * Every label's observations over a history (Hyperopt: `miscs_to_idxs_vals`, tpe.py:925-928), kept
 * between calls and extended as the history grows.
 *
 * fmin calls `tpe.suggest` once per trial with the same history plus one or a few new documents, so
 * re-reading N documents (a keyed lookup per label per document) and re-sorting every label's values
 * each time would make a call O(N log N) with a large constant. Instead each label's values are kept
 * in tid order and in sorted order; a call checks in O(N) (by object identity) that the documents
 * indexed so far are still the history's first documents, then scans only the new ones. The results
 * are exactly those of a fresh computation (ties in the sorted order are in tid order either way).
 *
 * Assumption, as in Hyperopt: a document's `misc.vals` is not mutated after the document joined the
 * history (replacing the `misc.vals` object is detected and triggers a rebuild).
 */
import type { CompiledSpace, Param } from '../../space/types';
import type { TrialDoc } from '../../trials/types';
import { EPS } from './numerics';
import { sortWithPayload } from './sort';

/** How a label's raw values map to the space its Parzen estimator works in (tpe.py:498-564). */
export interface ModelTransform {
  /** Values are logged (the log kinds). */
  log: boolean;
  /** Before the log, values are raised to this floor (q log kinds); 0 for none. */
  floor: number;
  /** Numeric kinds keep a sorted copy for the Parzen bandwidths; categorical ones do not. */
  sorted: boolean;
}

/** The transform of a hyperparameter kind. */
export function transformOf(param: Param): ModelTransform {
  const expr = param.expr;
  switch (expr.$hp) {
    case 'loguniform':
    case 'lognormal':
      return { log: true, floor: 0, sorted: true };
    case 'qloguniform':
      // ap_qloguniform_sampler: log(max(obs, max(EPS, exp(low)))) — quantised zeros move up to the bound.
      return { log: true, floor: Math.max(EPS, Math.exp(expr.low)), sorted: true };
    case 'qlognormal':
      return { log: true, floor: EPS, sorted: true };
    case 'randint':
    case 'choice':
    case 'pchoice':
      return { log: false, floor: 0, sorted: false };
    default:
      return { log: false, floor: 0, sorted: true };
  }
}

/** Below this many new observations they are inserted one by one; more trigger one full sort. */
const INSERT_MAX = 16;

/** One label's observations: raw and model-space values in tid order, and the sorted model values. */
export class LabelObservations {
  count = 0;
  /** Documents scanned so far. */
  scanned = 0;
  raw = new Float64Array(16);
  model = new Float64Array(16);
  /** History position of each observation. */
  docPos = new Int32Array(16);
  /** Model values ascending (ties in tid order) and the observation index of each. */
  sortedModel = new Float64Array(16);
  sortedObs = new Int32Array(16);

  constructor(
    readonly label: string,
    readonly transform: ModelTransform,
  ) {}

  /** Scans `docs[scanned..)` for this label's values. */
  extend(docs: readonly TrialDoc[]): void {
    const start = this.count;
    const { log, floor } = this.transform;
    const label = this.label;
    for (let i = this.scanned; i < docs.length; i++) {
      const list = docs[i]!.misc.vals[label];
      if (list === undefined || list.length === 0) continue;
      const raw = list[0]!;
      if (this.count === this.raw.length) this.grow();
      this.raw[this.count] = raw;
      this.model[this.count] = log ? Math.log(floor > 0 && raw < floor ? floor : raw) : raw;
      this.docPos[this.count] = i;
      this.count++;
    }
    this.scanned = docs.length;
    if (this.transform.sorted && this.count > start) this.updateSorted(start);
  }

  /** Position of the observation made in history position `pos`, or −1 if the label was inactive. */
  obsAt(pos: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.docPos[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.count && this.docPos[lo] === pos ? lo : -1;
  }

  private updateSorted(start: number): void {
    const n = this.count;
    if (n - start > INSERT_MAX) {
      this.sortedModel.set(this.model.subarray(0, n));
      const payload = new Float64Array(n);
      for (let i = 0; i < n; i++) payload[i] = i;
      sortWithPayload(this.sortedModel, payload, n);
      for (let i = 0; i < n; i++) this.sortedObs[i] = payload[i]!;
      return;
    }
    for (let o = start; o < n; o++) {
      const v = this.model[o]!;
      // Upper bound: after every equal value, i.e. after all older observations with this value.
      let lo = 0;
      let hi = o;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.sortedModel[mid]! <= v) lo = mid + 1;
        else hi = mid;
      }
      this.sortedModel.copyWithin(lo + 1, lo, o);
      this.sortedObs.copyWithin(lo + 1, lo, o);
      this.sortedModel[lo] = v;
      this.sortedObs[lo] = o;
    }
  }

  private grow(): void {
    const size = this.raw.length * 2;
    const f = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    const g = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.raw = f(this.raw);
    this.model = f(this.model);
    this.sortedModel = f(this.sortedModel);
    this.docPos = g(this.docPos);
    this.sortedObs = g(this.sortedObs);
  }
}

/** The documents indexed so far and the per-label observations over them. */
export class HistoryIndex {
  readonly docs: TrialDoc[] = [];
  private readonly valsRefs: object[] = [];
  private readonly labels = new Map<Param, LabelObservations>();

  /** True when the indexed documents are still the first documents of `docs`. */
  isPrefixOf(docs: readonly TrialDoc[]): boolean {
    const n = this.docs.length;
    if (n > docs.length) return false;
    for (let i = 0; i < n; i++) {
      const doc = docs[i]!;
      if (doc !== this.docs[i] || doc.misc.vals !== this.valsRefs[i]) return false;
    }
    return true;
  }

  append(docs: readonly TrialDoc[]): void {
    for (let i = this.docs.length; i < docs.length; i++) {
      this.docs.push(docs[i]!);
      this.valsRefs.push(docs[i]!.misc.vals);
    }
  }

  /** The observations of `param` over every indexed document. */
  observations(param: Param): LabelObservations {
    let obs = this.labels.get(param);
    if (obs === undefined) {
      obs = new LabelObservations(param.label, transformOf(param));
      this.labels.set(param, obs);
    }
    if (obs.scanned < this.docs.length) obs.extend(this.docs);
    return obs;
  }
}

/** Indexes by the history's first document (one per Trials store), then by space. */
const indexes = new WeakMap<TrialDoc, WeakMap<CompiledSpace, HistoryIndex>>();

/**
 * The index of `docs` (a tid-ordered history) for `space`: the cached one extended by the new
 * documents when it still matches, a new one otherwise.
 */
export function historyIndex(space: CompiledSpace, docs: readonly TrialDoc[]): HistoryIndex {
  const first = docs[0];
  if (first === undefined) return new HistoryIndex();
  let bySpace = indexes.get(first);
  if (bySpace === undefined) {
    bySpace = new WeakMap();
    indexes.set(first, bySpace);
  }
  let index = bySpace.get(space);
  if (index === undefined || !index.isPrefixOf(docs)) {
    index = new HistoryIndex();
    bySpace.set(space, index);
  }
  index.append(docs);
  return index;
}
