/**
 * The trial history as TPE reads it (tpe.suggest, tpe.py:865-902) and the good/bad split
 * (`ap_split_trials`, tpe.py:615-638).
 */
import type { TrialDoc } from '../../trials/types';

/** Hyperopt's `gamma_cap = DEFAULT_LF`: never more than 25 trials are "below". */
export const BELOW_CAP = 25;

/** Every trial document, one per tid, in tid order, with its loss. */
export interface TrialHistory {
  readonly docs: readonly TrialDoc[];
  readonly tids: Float64Array;
  /** The result's loss; +∞ when it has none (new, running, failed without loss); NaN kept. */
  readonly losses: Float64Array;
}

/** The good/bad split of a history. */
export interface TrialSplit {
  readonly nTrials: number;
  readonly nBelow: number;
  /** 1 for the history positions in the below ("good") group. */
  readonly isBelow: Uint8Array;
  /** History positions of the below group by ascending loss (ties in tid order). */
  readonly belowByLoss: Int32Array;
  /** The same positions ascending (tid order). */
  readonly belowPositions: Int32Array;
}

function lossOf(doc: TrialDoc): number {
  // tpe.py:873-874: `loss = doc["result"].get("loss")`, None → inf. Hyperopt does not look at the
  // status: a failed trial that still carries a loss keeps it.
  const loss: unknown = doc.result.loss;
  return typeof loss === 'number' ? loss : Infinity;
}

/**
 * Reads the losses of `docs` in tid order. The trials contract gives docs in tid order with unique
 * tids, which is checked in O(N); otherwise they are sorted and, as Hyperopt does for repeated tids,
 * the doc with the lowest loss (the later one on ties) stands for its tid.
 */
export function readHistory(docs: readonly TrialDoc[]): TrialHistory {
  const n = docs.length;
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) ordered = docs[i]!.tid > docs[i - 1]!.tid;
  let list = docs;
  if (!ordered) {
    const best = new Map<number, TrialDoc>();
    for (const doc of docs) {
      const previous = best.get(doc.tid);
      if (previous === undefined || lossOf(doc) <= lossOf(previous)) best.set(doc.tid, doc);
    }
    list = [...best.values()].sort((a, b) => a.tid - b.tid);
  }
  const tids = new Float64Array(list.length);
  const losses = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const doc = list[i]!;
    tids[i] = doc.tid;
    losses[i] = lossOf(doc);
  }
  return { docs: list, tids, losses };
}

/** n_below = min(ceil(gamma·√N), 25) over all N trials (tpe.py:629). */
export function belowCount(nTrials: number, gamma: number): number {
  return Math.min(Math.ceil(gamma * Math.sqrt(nTrials)), BELOW_CAP);
}

/** a ranks before b by loss: smaller first, NaN last (np.argsort's order); ties are not "before". */
function before(a: number, b: number): boolean {
  return a < b || (Number.isNaN(b) && !Number.isNaN(a));
}

/**
 * `ap_split_trials`: the n_below lowest losses (`np.argsort(l_vals)[:n_below]`) form the below group,
 * the rest the above group. Equal losses keep tid order (np.argsort's quicksort leaves it
 * unspecified). `splitSize` is the N of n_below: all trials in Hyperopt; a constant liar (liar.ts)
 * passes the finished ones only.
 */
export function splitTrials(
  history: TrialHistory,
  gamma: number,
  splitSize: number = history.losses.length,
): TrialSplit {
  const nBelow = belowCount(splitSize, gamma);
  return splitBest(history.losses, Math.min(nBelow, history.losses.length), nBelow);
}

/**
 * The split whose below group is the `k` lowest of `losses` (reported as `nBelow`, which may be more
 * when there are fewer trials). Only the first k of the order matter, so instead of sorting all N
 * losses this keeps the k best in a small sorted buffer: O(N) for N ≫ 25.
 */
export function splitBest(losses: Float64Array, k: number, nBelow: number): TrialSplit {
  const nTrials = losses.length;
  const best = new Int32Array(k);
  const bestLoss = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < nTrials; i++) {
    const loss = losses[i]!;
    if (size === k) {
      if (k === 0 || !before(loss, bestLoss[k - 1]!)) continue;
      size--; // the worst kept one drops out
    }
    let j = size;
    while (j > 0 && before(loss, bestLoss[j - 1]!)) {
      best[j] = best[j - 1]!;
      bestLoss[j] = bestLoss[j - 1]!;
      j--;
    }
    best[j] = i;
    bestLoss[j] = loss;
    size++;
  }
  const isBelow = new Uint8Array(nTrials);
  for (let j = 0; j < k; j++) isBelow[best[j]!] = 1;
  return { nTrials, nBelow, isBelow, belowByLoss: best, belowPositions: best.slice().sort() };
}
