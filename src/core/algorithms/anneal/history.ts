/**
 * The trial history as `AnnealingAlgo.__init__` reads it (hyperopt/anneal.py): one document per tid
 * in tid order with its loss, and per label the trials where it was active (`miscs_to_idxs_vals`).
 */
import type { TrialDoc } from '../../trials/types';

/** Every trial document, one per tid, in tid order, with its loss. */
export interface AnnealHistory {
  readonly docs: readonly TrialDoc[];
  /** `domain.loss(result)`, i.e. `result.get('loss')`; +∞ when absent (new, running, failed). */
  readonly losses: Float64Array;
}

/** One label's observations: history positions (ascending) and the values taken there. */
export interface LabelObservations {
  readonly count: number;
  readonly positions: Int32Array;
  readonly values: Float64Array;
}

function lossOf(doc: TrialDoc): number {
  // anneal.py: `loss = domain.loss(doc['result'], doc['spec'])`; None → inf ("new/running/failed
  // jobs"). Domain.loss only reads result['loss'], so a failed trial that carries a loss keeps it.
  const loss: unknown = doc.result.loss;
  return typeof loss === 'number' ? loss : Infinity;
}

/**
 * Reads `docs`. anneal.py builds `doc_by_tid[tid] = (doc, loss)` in list order and sorts it by tid,
 * so when a tid repeats the later document stands for it. The trials contract gives strictly
 * increasing tids, which is checked in O(N) before falling back to that rebuild.
 */
export function readAnnealHistory(docs: readonly TrialDoc[]): AnnealHistory {
  let ordered = true;
  for (let i = 1; i < docs.length && ordered; i++) ordered = docs[i]!.tid > docs[i - 1]!.tid;
  let list = docs;
  if (!ordered) {
    const byTid = new Map<number, TrialDoc>();
    for (const doc of docs) byTid.set(doc.tid, doc);
    list = [...byTid.values()].sort((a, b) => a.tid - b.tid);
  }
  const losses = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) losses[i] = lossOf(list[i]!);
  return { docs: list, losses };
}

/**
 * The trials where `label` was active and its values there (anneal.py: `node_tids[label]`,
 * `node_vals[label]`). Pending trials count: their `vals` are set when they are proposed.
 */
export function observationsOf(history: AnnealHistory, label: string): LabelObservations {
  const docs = history.docs;
  const positions = new Int32Array(docs.length);
  const values = new Float64Array(docs.length);
  let count = 0;
  for (let i = 0; i < docs.length; i++) {
    const list = docs[i]!.misc.vals[label];
    if (list === undefined || list.length === 0) continue;
    positions[count] = i;
    values[count] = list[0]!;
    count++;
  }
  return { count, positions: positions.subarray(0, count), values: values.subarray(0, count) };
}

/** Index of the observation made at history position `pos`, or −1 when the label was inactive there. */
export function observationAt(obs: LabelObservations, pos: number): number {
  let lo = 0;
  let hi = obs.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (obs.positions[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < obs.count && obs.positions[lo] === pos ? lo : -1;
}
