/**
 * Shared types of the TPE implementation: the posterior interface, the options, and the plain-JSON
 * explanation that `explainTpe` returns.
 */
import type { Rng } from '../../random/types';
import type { TpeVariantOptions } from './improvedOptions';
import type { TpeLiar } from './liar';

/**
 * One of TPE's two densities for one hyperparameter (below: l(x), above: g(x)), on values in the
 * trial `vals` convention (option index for choices, integer with offset for randint).
 */
export interface Posterior {
  /** One draw (Hyperopt draws candidates only from l). */
  sample(rng: Rng): number;
  /**
   * Log density — or log probability for the discrete kinds — at `x`. With a `tolerance` the value
   * may be computed from below, at most log1p(tolerance) under the exact one (large mixtures skip
   * far components); without it, it is exact to rounding.
   */
  logPdf(x: number, tolerance?: number): number;
  /**
   * `logPdf` minus a constant of this density (its truncation normaliser). TPE compares candidates
   * of one label by log l − log g, where such constants shift every score alike and cannot change the
   * winner, so the sampler skips computing them.
   */
  logScore(x: number, tolerance?: number): number;
}

/**
 * TPE settings, Hyperopt's `tpe.suggest` keyword arguments (tpe.py:829-839) plus the linear
 * forgetting constant that Hyperopt bakes in as `DEFAULT_LF`, the liar, and the improved variant's knobs.
 */
export type TpeOptions = {
  /** Fraction parameter of the split: n_below = min(ceil(gamma·√N), 25). In (0, 1]. Default 0.25. */
  gamma: number;
  /** Trials (of any state) before TPE starts; until then proposals are `rand.suggest`'s. Default 20. */
  nStartupJobs: number;
  /** Candidates drawn from l(x) per hyperparameter. Default 24. */
  nEICandidates: number;
  /** Weight of the prior component / pseudo-count. Default 1. */
  priorWeight: number;
  /** Newest observations with full weight; older ones ramp down linearly. 0 disables. Default 25. */
  linearForgetting: number;
  /**
   * Beyond Hyperopt: how pending trials are read (liar.ts). 'none' (default) is Hyperopt's loss +∞;
   * 'worst' | 'best' | 'mean' | {constant} is a constant liar, 'believer' lends each pending trial
   * its nearest finished trial's loss. Default 'none'.
   */
  liar: TpeLiar;
} & TpeVariantOptions; // the improved variant's knobs (improvedOptions.ts), Hyperopt's behaviour by default
