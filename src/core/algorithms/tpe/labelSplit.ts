/**
 * One label's side of `ap_split_trials` (tpe.py:615-638): its observations in below trials and in
 * above trials, each group in tid order (`[v for i, v in zip(o_idxs, o_vals) if i in keep_idxs]`).
 * A label inactive in a trial contributes nothing to either group.
 */
import type { LabelObservations } from './observations';
import { linearForgettingWeights } from './parzen';
import type { TrialSplit } from './split';

/** Observation indices (ascending) of the label in below trials, and a flag per observation. */
function belowObservations(
  obs: LabelObservations,
  split: TrialSplit,
): { indices: Int32Array; flags: Uint8Array } {
  const flags = new Uint8Array(obs.count);
  const found: number[] = [];
  for (const pos of split.belowPositions) {
    const o = obs.obsAt(pos);
    if (o >= 0) {
      flags[o] = 1;
      found.push(o);
    }
  }
  return { indices: Int32Array.from(found), flags };
}

/** Raw values of the below and above groups, each in tid order. */
export function rawGroups(
  obs: LabelObservations,
  split: TrialSplit,
): { below: Float64Array; above: Float64Array } {
  const { indices, flags } = belowObservations(obs, split);
  const below = new Float64Array(indices.length);
  for (let j = 0; j < indices.length; j++) below[j] = obs.raw[indices[j]!]!;
  const above = new Float64Array(obs.count - indices.length);
  let j = 0;
  for (let o = 0; o < obs.count; o++) if (flags[o] === 0) above[j++] = obs.raw[o]!;
  return { below, above };
}

/** The model-space groups the Parzen estimators need. */
export interface ModelGroups {
  /** Below values in tid order (few: at most 25). */
  below: Float64Array;
  /** Number of above values. */
  nAbove: number;
  /**
   * Above values ascending (ties in tid order) … (length nAbove + 1: the spare slot lets
   * `parzenFromSorted` insert the prior in place)
   */
  aboveSorted: Float64Array;
  /** … and the linear-forgetting weight of each, by its age among the above values. */
  aboveWeights: Float64Array;
}

/**
 * Below values in tid order, and the above values already sorted with their forgetting weights: the
 * above group is the label's sorted values minus the (≤ 25) below ones, so no sort is needed per call.
 */
export function modelGroups(obs: LabelObservations, split: TrialSplit, lf: number): ModelGroups {
  const { indices, flags } = belowObservations(obs, split);
  const nBelow = indices.length;
  const below = new Float64Array(nBelow);
  for (let j = 0; j < nBelow; j++) below[j] = obs.model[indices[j]!]!;
  const nAbove = obs.count - nBelow;
  const aboveSorted = new Float64Array(nAbove + 1);
  const aboveWeights = new Float64Array(nAbove + 1);
  const forgetting = lf > 0 && nAbove > lf;
  const sortedModel = obs.sortedModel;
  const sortedObs = obs.sortedObs;
  if (!forgetting) {
    let j = 0;
    for (let s = 0; s < obs.count; s++) if (flags[sortedObs[s]!] === 0) aboveSorted[j++] = sortedModel[s]!;
    aboveWeights.fill(1, 0, nAbove);
  } else {
    // Age rank among the above values: observation index minus the below observations before it.
    const byAge = linearForgettingWeights(nAbove, lf);
    const weightOf = new Float64Array(obs.count);
    for (let o = 0, r = 0; o < obs.count; o++) if (flags[o] === 0) weightOf[o] = byAge[r++]!;
    let j = 0;
    for (let s = 0; s < obs.count; s++) {
      const o = sortedObs[s]!;
      if (flags[o] === 1) continue;
      aboveSorted[j] = sortedModel[s]!;
      aboveWeights[j++] = weightOf[o]!;
    }
  }
  return { below, nAbove, aboveSorted, aboveWeights };
}
