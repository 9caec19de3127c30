/**
 * The two densities of one parameter group: l from its good trials, g from the others, each a
 * {@link ProductKernel}.
 */
import { JOB_STATE_DONE } from '../../trials/types';
import type { GroupObservations, ParamGroup } from './groups';
import { fitKernel } from './kernelFit';
import type { KernelFitSettings } from './kernelFit';
import { linearForgettingWeights } from './parzen';
import type { ProductKernel } from './productKernel';
import type { TrialHistory, TrialSplit } from './split';
import { belowCountFor, splitAt } from './splitAt';
import type { TpeOptions } from './types';

/** A fitted group. */
export interface GroupModel {
  readonly group: ParamGroup;
  readonly below: ProductKernel;
  readonly above: ProductKernel;
  /** The good and the other rows the densities were fitted to (tid order). */
  readonly belowRows: GroupObservations;
  readonly aboveRows: GroupObservations;
}

/** Rows of `obs` whose history position passes `keep`, in tid order, with those positions. */
function subset(
  obs: GroupObservations,
  group: ParamGroup,
  keep: Uint8Array,
  flag: number,
): GroupObservations {
  const nn = group.numeric.length;
  const nc = group.categorical.length;
  const idx: number[] = [];
  for (let i = 0; i < obs.n; i++) if (keep[obs.docPos[i]!] === flag) idx.push(i);
  const n = idx.length;
  const num = new Float64Array(n * nn);
  const cat = new Int32Array(n * nc);
  const docPos = new Int32Array(n);
  idx.forEach((i, r) => {
    num.set(obs.num.subarray(i * nn, i * nn + nn), r * nn);
    cat.set(obs.cat.subarray(i * nc, i * nc + nc), r * nc);
    docPos[r] = obs.docPos[i]!;
  });
  return { n, num, cat, docPos };
}

/**
 * Good flags per history position for this group: the global split, or (`local`, conditional groups
 * only) the best of the trials in which the group was active, by the same schedule.
 */
function goodFlags(
  obs: GroupObservations,
  history: TrialHistory,
  split: TrialSplit,
  s: Readonly<TpeOptions>,
  conditional: boolean,
): Uint8Array {
  if (s.groupSplit === 'global' || !conditional) return split.isBelow;
  const losses = Float64Array.from(obs.docPos, (pos) => history.losses[pos]!);
  // Sized like the global split: by every row, or with a liar by the finished ones (liar.ts).
  let size = obs.n;
  if (s.liar !== 'none') {
    for (const pos of obs.docPos) {
      const doc = history.docs[pos]!;
      if (doc.state !== JOB_STATE_DONE && typeof doc.result.loss !== 'number') size--;
    }
  }
  const local = splitAt(
    { docs: [], tids: new Float64Array(obs.n), losses },
    belowCountFor(s.gammaSchedule, size, s.gamma),
  );
  const flags = new Uint8Array(history.losses.length);
  for (let i = 0; i < obs.n; i++) if (local.isBelow[i] === 1) flags[obs.docPos[i]!] = 1;
  return flags;
}

/** Fits l and g of `group`. */
export function fitGroupModel(
  group: ParamGroup,
  obs: GroupObservations,
  history: TrialHistory,
  split: TrialSplit,
  s: Readonly<TpeOptions>,
): GroupModel {
  const flags = goodFlags(obs, history, split, s, group.params[0]!.conditions.length > 0);
  const below = subset(obs, group, flags, 1);
  const above = subset(obs, group, flags, 0);
  const fit: KernelFitSettings = {
    bandwidth: s.bandwidth,
    clipExponent: s.clipExponent,
    priorWeight: s.priorWeight,
  };
  const { numeric, categorical } = group;
  const lWeights =
    s.belowWeights === 'ei' ? eiWeights(below, above, history) : new Float64Array(below.n).fill(1);
  return {
    group,
    below: fitKernel(numeric, categorical, below, lWeights, fit),
    above: fitKernel(numeric, categorical, above, linearForgettingWeights(above.n, s.linearForgetting), fit),
    belowRows: below,
    aboveRows: above,
  };
}

/**
 * EI weighting of the good rows (Watanabe 2023): each in proportion to how far its loss is below the
 * best loss of the other rows (the split threshold), rescaled to mean 1 so the prior weight keeps its
 * meaning. Uniform when the threshold or the gaps are not finite.
 */
function eiWeights(below: GroupObservations, above: GroupObservations, history: TrialHistory): Float64Array {
  const n = below.n;
  const w = new Float64Array(n).fill(1);
  let threshold = Infinity;
  for (const pos of above.docPos) threshold = Math.min(threshold, history.losses[pos]!);
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
