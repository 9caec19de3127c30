/**
 * The distribution checks of the reference data (shared/reference/README.md, "How to compare"):
 * KS for continuous kinds; chi-square homogeneity plus a total-variation bound for discrete kinds.
 */
import { chiSquareHomogeneity, totalVariation } from './categorical';
import type { ChiSquareResult } from './categorical';
import { ksTwoSample } from './ks';
import type { KsResult } from './ks';

/** Significance level of the reference comparisons. */
export const REFERENCE_ALPHA = 0.01;

/**
 * The total-variation threshold for a new sample of size `nNew` given the reference's 99th
 * percentile `tvNullP99` of same-size (n_ref) null distances: scaled by
 * sqrt((1/n_ref + 1/n_new) / (2/n_ref)), as the README prescribes.
 */
export function tvThreshold(tvNullP99: number, nRef: number, nNew: number): number {
  return tvNullP99 * Math.sqrt((1 / nRef + 1 / nNew) / (2 / nRef));
}

export interface ContinuousComparison {
  ks: KsResult;
  pass: boolean;
}

/** Two-sample KS of a new sample against the reference; passes when p > alpha. */
export function compareContinuous(
  reference: ArrayLike<number>,
  sample: ArrayLike<number>,
  alpha: number = REFERENCE_ALPHA,
): ContinuousComparison {
  const ks = ksTwoSample(reference, sample);
  return { ks, pass: ks.p > alpha };
}

export interface DiscreteComparison {
  chi: ChiSquareResult;
  tv: number;
  tvLimit: number;
  pass: boolean;
}

/**
 * Chi-square homogeneity (with pooling of rare cells) and total variation of a new sample's counts
 * against the reference counts; passes when p > alpha and tv <= the scaled `tvNullP99`.
 */
export function compareDiscrete(
  referenceCounts: ReadonlyMap<string, number>,
  sampleCounts: ReadonlyMap<string, number>,
  tvNullP99: number,
  alpha: number = REFERENCE_ALPHA,
): DiscreteComparison {
  const nRef = sum(referenceCounts);
  const nNew = sum(sampleCounts);
  const chi = chiSquareHomogeneity(referenceCounts, sampleCounts);
  const tv = totalVariation(referenceCounts, sampleCounts);
  const tvLimit = tvThreshold(tvNullP99, nRef, nNew);
  return { chi, tv, tvLimit, pass: chi.p > alpha && tv <= tvLimit };
}

function sum(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const c of counts.values()) total += c;
  return total;
}
