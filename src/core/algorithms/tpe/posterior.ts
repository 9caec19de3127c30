/**
 * From a hyperparameter's prior and its below/above observations to the two TPE densities: the
 * `ap_*_sampler` table of tpe.py:476-607 (prior mu/sigma per kind, how observations are mapped,
 * which mixture family and bounds are used).
 */
import type { ParamExpr } from '../../space/types';
import { CategoricalPosterior, pchoiceProbabilities, randintProbabilities } from './categorical';
import { Gmm1 } from './gmm';
import { modelGroups, rawGroups } from './labelSplit';
import { Lgmm1 } from './lgmm';
import type { LabelObservations } from './observations';
import { adaptiveParzenNormal, parzenFromSorted } from './parzen';
import type { Mixture } from './parzen';
import type { TrialSplit } from './split';

/** The pair of densities TPE compares for one hyperparameter. */
export interface PosteriorPair<P> {
  below: P;
  above: P;
}

/** A numeric posterior (GMM1 or LGMM1) or a categorical one. */
export type ParamPosterior = Gmm1 | Lgmm1 | CategoricalPosterior;

/** Settings the posteriors depend on. */
export interface PosteriorSettings {
  priorWeight: number;
  linearForgetting: number;
}

/**
 * Builds l (from the below group) and g (from the above group) for `expr`. Both use the same prior.
 * Observations of the log kinds are already in log space (see `transformOf`).
 */
export function buildPosteriors(
  expr: ParamExpr,
  obs: LabelObservations,
  split: TrialSplit,
  settings: PosteriorSettings,
): PosteriorPair<ParamPosterior> {
  const { priorWeight, linearForgetting: lf } = settings;
  switch (expr.$hp) {
    case 'randint':
    case 'choice':
    case 'pchoice':
      return categoricalPosteriors(expr, obs, split, settings);
    default:
      break;
  }
  const groups = modelGroups(obs, split, lf);
  const fit = (priorMu: number, priorSigma: number): PosteriorPair<Mixture> => ({
    below: adaptiveParzenNormal(groups.below, groups.below.length, priorWeight, priorMu, priorSigma, lf),
    above: parzenFromSorted(
      groups.aboveSorted,
      groups.aboveWeights,
      groups.nAbove,
      priorWeight,
      priorMu,
      priorSigma,
    ),
  });
  const q = 'q' in expr ? expr.q : null;
  switch (expr.$hp) {
    case 'uniform':
    case 'quniform':
    case 'uniformint': {
      // ap_uniform_sampler / ap_quniform_sampler (uniformint is quniform under scope.int):
      // prior N((low + high)/2, high − low), truncated to [low, high).
      const m = fit(0.5 * (expr.high + expr.low), expr.high - expr.low);
      return {
        below: new Gmm1(m.below, expr.low, expr.high, q),
        above: new Gmm1(m.above, expr.low, expr.high, q),
      };
    }
    case 'loguniform':
    case 'qloguniform': {
      // ap_loguniform_sampler / ap_qloguniform_sampler: the same in log space.
      const m = fit(0.5 * (expr.high + expr.low), expr.high - expr.low);
      return {
        below: new Lgmm1(m.below, expr.low, expr.high, q),
        above: new Lgmm1(m.above, expr.low, expr.high, q),
      };
    }
    case 'normal':
    case 'qnormal': {
      // ap_normal_sampler / ap_qnormal_sampler: the prior itself, untruncated.
      const m = fit(expr.mu, expr.sigma);
      return { below: new Gmm1(m.below, null, null, q), above: new Gmm1(m.above, null, null, q) };
    }
    case 'lognormal':
    case 'qlognormal': {
      const m = fit(expr.mu, expr.sigma);
      return { below: new Lgmm1(m.below, null, null, q), above: new Lgmm1(m.above, null, null, q) };
    }
  }
}

/** ap_randint_sampler (randint with its offset, choice) and ap_categorical_sampler (pchoice). */
function categoricalPosteriors(
  expr: Extract<ParamExpr, { $hp: 'randint' | 'choice' | 'pchoice' }>,
  obs: LabelObservations,
  split: TrialSplit,
  settings: PosteriorSettings,
): PosteriorPair<CategoricalPosterior> {
  const { priorWeight, linearForgetting: lf } = settings;
  const { below, above } = rawGroups(obs, split);
  switch (expr.$hp) {
    case 'randint': {
      const k = expr.high - expr.low;
      const probs = (v: Float64Array) => randintProbabilities(v, v.length, k, expr.low, priorWeight, lf);
      return {
        below: new CategoricalPosterior(probs(below), expr.low),
        above: new CategoricalPosterior(probs(above), expr.low),
      };
    }
    case 'choice': {
      const k = expr.options.length;
      const probs = (v: Float64Array) => randintProbabilities(v, v.length, k, 0, priorWeight, lf);
      return {
        below: new CategoricalPosterior(probs(below), 0),
        above: new CategoricalPosterior(probs(above), 0),
      };
    }
    case 'pchoice': {
      const prior = expr.options.map((option) => option.p);
      const probs = (v: Float64Array) => pchoiceProbabilities(v, v.length, prior, priorWeight, lf);
      return {
        below: new CategoricalPosterior(probs(below), 0),
        above: new CategoricalPosterior(probs(above), 0),
      };
    }
  }
}
