/**
 * The two densities of one parameter group: l from its good trials, g from the others, each a
 * {@link ProductKernel}.
 */
import { JOB_STATE_DONE } from '../../trials/types';
import type { ParamGroup } from './groups';
import type { GroupObservations } from './groupRows';
import { fitKernel } from './kernelFit';
import type { KernelFitSettings } from './kernelFit';
import type { ProductKernel } from './productKernel';
import type { TrialHistory, TrialSplit } from './split';
import { belowCountFor, splitAt } from './splitAt';
import type { TpeOptions } from './types';

/** A fitted group. */
export interface GroupModel {
  readonly group: ParamGroup;
  readonly below: ProductKernel;
  readonly above: ProductKernel;
  /** The group's rows and which of them are good (1) — the rows of l; the others make g. */
  readonly rows: GroupObservations;
  readonly good: Uint8Array;
  readonly nBelow: number;
}

/** The rows `indices` of `obs`, copied (with a spare row for the prior), in tid order. */
function goodRows(obs: GroupObservations, group: ParamGroup, indices: readonly number[]): GroupObservations {
  const nn = group.numeric.length;
  const nc = group.categorical.length;
  const count = indices.length;
  const num = new Float64Array((count + 1) * nn);
  const cat = new Int32Array(count * nc);
  const docPos = new Int32Array(count);
  indices.forEach((i, r) => {
    num.set(obs.num.subarray(i * nn, i * nn + nn), r * nn);
    cat.set(obs.cat.subarray(i * nc, i * nc + nc), r * nc);
    docPos[r] = obs.docPos[i]!;
  });
  return { n: count, num, cat, docPos };
}

/**
 * Good flags per row: from the global split, or (`local`, conditional groups only) the best of the
 * group's own rows by the same schedule, so an option of a choice that is rarely good overall still
 * gets a model of its good region (with the global split its l would often be the prior alone).
 */
function goodFlags(
  obs: GroupObservations,
  history: TrialHistory,
  split: TrialSplit,
  s: Readonly<TpeOptions>,
  conditional: boolean,
): Uint8Array {
  if (s.groupSplit === 'global' || !conditional) {
    const flags = new Uint8Array(obs.n);
    for (let i = 0; i < obs.n; i++) flags[i] = split.isBelow[obs.docPos[i]!]!;
    return flags;
  }
  const losses = new Float64Array(obs.n);
  for (let i = 0; i < obs.n; i++) losses[i] = history.losses[obs.docPos[i]!]!;
  // Sized like the global split: by every row, or with a liar by the finished ones (liar.ts).
  let size = obs.n;
  if (s.liar !== 'none') {
    for (let i = 0; i < obs.n; i++) {
      const doc = history.docs[obs.docPos[i]!]!;
      if (doc.state !== JOB_STATE_DONE && typeof doc.result.loss !== 'number') size--;
    }
  }
  const tids = new Float64Array(obs.n);
  return splitAt({ docs: [], tids, losses }, belowCountFor(s.gammaSchedule, size, s.gamma)).isBelow;
}

/**
 * Fits l and g of `group`. g is fitted on all of the group's rows with weight 0 for the good ones,
 * so a long history's rows are used where they are kept, not copied.
 */
export function fitGroupModel(
  group: ParamGroup,
  obs: GroupObservations,
  history: TrialHistory,
  split: TrialSplit,
  s: Readonly<TpeOptions>,
): GroupModel {
  const good = goodFlags(obs, history, split, s, group.params[0]!.conditions.length > 0);
  // One pass: the good rows, and the best loss among the others (the threshold of the EI weights).
  const goodIndices: number[] = [];
  let threshold = Infinity;
  const { losses } = history;
  for (let i = 0; i < obs.n; i++) {
    if (good[i] === 1) goodIndices.push(i);
    else {
      const loss = losses[obs.docPos[i]!]!;
      if (loss < threshold) threshold = loss; // NaN losses never set it
    }
  }
  const nBelow = goodIndices.length;
  const below = goodRows(obs, group, goodIndices);
  const fit: KernelFitSettings = {
    bandwidth: s.bandwidth,
    clipExponent: s.clipExponent,
    priorWeight: s.priorWeight,
  };
  const { numeric, categorical } = group;
  const lWeights =
    s.belowWeights === 'ei' ? eiWeights(below, threshold, history) : new Float64Array(nBelow).fill(1);
  // Linear forgetting by age among the other rows (tid order), as Hyperopt's above group: written in
  // place, the good rows' weights staying 0.
  const gWeights = new Float64Array(obs.n);
  forgettingWeights(gWeights, good, obs.n - nBelow, s.linearForgetting);
  return {
    group,
    below: fitKernel(numeric, categorical, below, lWeights, fit),
    above: fitKernel(numeric, categorical, obs, gWeights, fit),
    rows: obs,
    good,
    nBelow,
  };
}

/**
 * Hyperopt's `linear_forgetting_weights(n, lf)` (parzen.ts) over the rows with good = 0, in row order,
 * written into `w` (whose good rows become 0): ones when n ≤ lf, else the oldest n − lf ramp from
 * 1/n to 1 by the same linspace.
 */
function forgettingWeights(w: Float64Array, good: Uint8Array, n: number, lf: number): void {
  const ramp = lf > 0 && n > lf ? n - lf : 0;
  const start = 1 / n;
  const step = ramp > 1 ? (1 - start) / (ramp - 1) : 0;
  for (let i = 0, r = 0; i < w.length; i++) {
    if (good[i] === 1) w[i] = 0;
    else {
      // np.linspace: start + r·step, its endpoint exactly 1 (and [start] alone for one point).
      w[i] = r >= ramp ? 1 : r === ramp - 1 && ramp > 1 ? 1 : start + r * step;
      r++;
    }
  }
}

/**
 * EI weighting of the good rows (Watanabe 2023): each in proportion to how far its loss is below the
 * best loss of the other rows (the split threshold), rescaled to mean 1 so the prior weight keeps its
 * meaning. Uniform when the threshold or the gaps are not finite.
 */
function eiWeights(below: GroupObservations, threshold: number, history: TrialHistory): Float64Array {
  const n = below.n;
  const w = new Float64Array(n).fill(1);
  if (n === 0 || !Number.isFinite(threshold)) return w;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const gap = threshold - history.losses[below.docPos[i]!]!;
    w[i] = gap > 1e-12 ? gap : 1e-12;
    total += w[i]!;
  }
  if (!(total > 0 && Number.isFinite(total))) return w.fill(1);
  for (let i = 0; i < n; i++) w[i] = (w[i]! * n) / total;
  return w;
}
