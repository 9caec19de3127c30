/**
 * How the improved TPE sees one hyperparameter: a numeric dimension in "model space" (the log of the
 * value for the log kinds, as Hyperopt's LGMM1 does) with its prior and bounds, or a categorical one
 * with its prior probabilities. The same table as `posterior.ts` (tpe.py:476-607), but as data that a
 * joint (multivariate) kernel can combine across parameters.
 */
import { roundHalfEven } from '../../space/round';
import type { Param } from '../../space/types';

/** A numeric parameter in model space. */
export interface NumericDim {
  readonly kind: 'numeric';
  readonly label: string;
  /** Truncation bounds in model space; ±Infinity for the (log)normal kinds. */
  readonly low: number;
  readonly high: number;
  /** Hyperopt's prior component: N(priorMu, priorSigma) (priorSigma = high − low when bounded). */
  readonly priorMu: number;
  readonly priorSigma: number;
  /** Draws are exponentiated (log kinds). */
  readonly log: boolean;
  /** Quantisation step in value space, or null. */
  readonly q: number | null;
}

/** A discrete parameter: option index i stands for the value offset + i. */
export interface CategoricalDim {
  readonly kind: 'categorical';
  readonly label: string;
  readonly size: number;
  readonly offset: number;
  /** Prior probability of each index (uniform except for pchoice). */
  readonly prior: Float64Array;
}

export type Dim = NumericDim | CategoricalDim;

/** The model-space description of `param` (prior and bounds as in Hyperopt's `ap_*_sampler`s). */
export function dimOf(param: Param): Dim {
  const expr = param.expr;
  const label = param.label;
  const numeric = (low: number, high: number, mu: number, sigma: number, log: boolean): NumericDim => ({
    kind: 'numeric',
    label,
    low,
    high,
    priorMu: mu,
    priorSigma: sigma,
    log,
    q: 'q' in expr ? expr.q : null,
  });
  switch (expr.$hp) {
    case 'uniform':
    case 'quniform':
    case 'uniformint':
      return numeric(expr.low, expr.high, 0.5 * (expr.low + expr.high), expr.high - expr.low, false);
    case 'loguniform':
    case 'qloguniform':
      return numeric(expr.low, expr.high, 0.5 * (expr.low + expr.high), expr.high - expr.low, true);
    case 'normal':
    case 'qnormal':
      return numeric(-Infinity, Infinity, expr.mu, expr.sigma, false);
    case 'lognormal':
    case 'qlognormal':
      return numeric(-Infinity, Infinity, expr.mu, expr.sigma, true);
    case 'randint': {
      const size = expr.high - expr.low;
      return {
        kind: 'categorical',
        label,
        size,
        offset: expr.low,
        prior: new Float64Array(size).fill(1 / size),
      };
    }
    case 'choice': {
      const size = expr.options.length;
      return { kind: 'categorical', label, size, offset: 0, prior: new Float64Array(size).fill(1 / size) };
    }
    case 'pchoice':
      return {
        kind: 'categorical',
        label,
        size: expr.options.length,
        offset: 0,
        prior: Float64Array.from(expr.options, (option) => option.p),
      };
  }
}

/**
 * The trial value of a model-space draw: exponentiated for the log kinds, then quantised with
 * numpy's rounding (`round(x / q) * q`), exactly as a prior draw of that kind is formed, so every
 * proposal lies in the kind's support.
 */
export function valueOf(dim: NumericDim, y: number): number {
  const value = dim.log ? Math.exp(y) : y;
  return dim.q === null ? value : roundHalfEven(value / dim.q) * dim.q;
}
