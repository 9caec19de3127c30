/**
 * One draw from one hyperparameter's prior, exactly Hyperopt's formulas
 * (hyperopt/pyll/stochastic.py: `uniform`, `quniform`, `loguniform`, `qloguniform`, `normal`,
 * `qnormal`, `lognormal`, `qlognormal`, `randint`, `categorical`; hyperopt/pyll_utils.py for how
 * `hp.choice` = `randint(len(options))` and `hp.uniformint` = `quniform` with q).
 */
import type { Rng } from '../random/types';
import { roundHalfEven } from './round';
import type { ParamExpr } from './types';

/**
 * Draws the value that a trial's `vals` hold for `expr`: the option index for choice/pchoice, an
 * integer for randint, the (possibly quantised) number otherwise. `expr` must be valid (see
 * `compileSpace`).
 */
export function drawParam(expr: ParamExpr, rng: Rng): number {
  switch (expr.$hp) {
    case 'uniform':
      return rng.uniform(expr.low, expr.high);
    case 'quniform':
    case 'uniformint':
      return roundHalfEven(rng.uniform(expr.low, expr.high) / expr.q) * expr.q;
    case 'loguniform':
      return Math.exp(rng.uniform(expr.low, expr.high));
    case 'qloguniform':
      return roundHalfEven(Math.exp(rng.uniform(expr.low, expr.high)) / expr.q) * expr.q;
    case 'normal':
      return rng.normal(expr.mu, expr.sigma);
    case 'qnormal':
      return roundHalfEven(rng.normal(expr.mu, expr.sigma) / expr.q) * expr.q;
    case 'lognormal':
      return Math.exp(rng.normal(expr.mu, expr.sigma));
    case 'qlognormal':
      return roundHalfEven(Math.exp(rng.normal(expr.mu, expr.sigma)) / expr.q) * expr.q;
    case 'randint':
      return rng.integers(expr.low, expr.high);
    case 'choice':
      return rng.integers(0, expr.options.length);
    case 'pchoice':
      return drawPChoice(expr.options, rng);
  }
}

/** Probability vectors of pchoice expressions, built once per expression object. */
const probabilityCache = new WeakMap<object, number[]>();

function drawPChoice(options: readonly { p: number }[], rng: Rng): number {
  let p = probabilityCache.get(options);
  if (p === undefined) {
    p = options.map((option) => option.p);
    probabilityCache.set(options, p);
  }
  return rng.categorical(p);
}
