/**
 * One hyperparameter's proposal near a past trial's value: the `hp_*` handlers of
 * `AnnealingAlgo` (hyperopt/anneal.py). Each draws from the prior's own family (the same
 * hyperopt/pyll/stochastic.py formulas as `drawParam`) made narrower by the factor `shrink`:
 *
 * - uniform kinds: a window of the prior's width × shrink centred on the value (in log space for
 *   the log kinds), slid back inside the bounds (`hp_uniform`);
 * - normal kinds: centred on the value with sigma × shrink (`hp_normal`, `hp_lognormal`, ...);
 * - discrete kinds: the value's one-hot mixed with the prior, weight `shrink` on the prior
 *   (`hp_randint`, `hp_categorical`).
 */
import type { Rng } from '../../random/types';
import { roundHalfEven } from '../../space/round';
import type { ParamExpr } from '../../space/types';

/** anneal.py `hp_qlognormal`: `np.log(1e-16 + val)`, "prevent log(0) without messing up algo". */
const QLOGNORMAL_FLOOR = 1e-16;

/**
 * `AnnealingAlgo.shrinking`: the fraction of the prior's width kept after `count` observations of
 * a label, 1 / (1 + T·shrinkCoef).
 */
export function shrinking(count: number, shrinkCoef: number): number {
  return 1 / (1 + count * shrinkCoef);
}

/**
 * A new value for `expr` near `val` (the value of the chosen past trial), in the trial `vals`
 * convention (option index for choices, integer for randint, the drawn number otherwise).
 */
export function proposeNear(expr: ParamExpr, val: number, shrink: number, rng: Rng): number {
  switch (expr.$hp) {
    case 'uniform':
      return uniformWindow(expr.low, expr.high, val, shrink, rng);
    case 'quniform':
    case 'uniformint':
      // hp.uniformint is scope.int(hp.quniform(...)): the vals hold the quniform draw (hp_quniform).
      return quantise(uniformWindow(expr.low, expr.high, val, shrink, rng), expr.q);
    case 'loguniform':
      return Math.exp(uniformWindow(expr.low, expr.high, Math.log(val), shrink, rng));
    case 'qloguniform':
      // A value quantised to 0 has log −∞; np.clip moves the midpoint to the lowest allowed one.
      return quantise(Math.exp(uniformWindow(expr.low, expr.high, Math.log(val), shrink, rng)), expr.q);
    case 'normal':
      return rng.normal(val, expr.sigma * shrink);
    case 'qnormal':
      return quantise(rng.normal(val, expr.sigma * shrink), expr.q);
    case 'lognormal':
      return Math.exp(rng.normal(Math.log(val), expr.sigma * shrink));
    case 'qlognormal':
      return quantise(Math.exp(rng.normal(Math.log(QLOGNORMAL_FLOOR + val), expr.sigma * shrink)), expr.q);
    case 'randint':
      return keepOrResample(val, expr.low, expr.high, shrink, rng, () => rng.integers(expr.low, expr.high));
    case 'choice':
      // Hyperopt 0.2.7's hp.choice is randint(len(options)) (pyll_utils.py), so hp_randint applies.
      return keepOrResample(val, 0, expr.options.length, shrink, rng, () =>
        rng.integers(0, expr.options.length),
      );
    case 'pchoice':
      // hp.pchoice is categorical(p): hp_categorical mixes the one-hot with p instead of uniform.
      return keepOrResample(val, 0, expr.options.length, shrink, rng, () =>
        rng.categorical(expr.options.map((o) => o.p)),
      );
  }
}

/** pyll.stochastic's quantisation: `np.round(x / q) * q`. */
function quantise(x: number, q: number): number {
  return roundHalfEven(x / q) * q;
}

/**
 * `hp_uniform`: width = (high − low)·shrink, midpoint = np.clip(mid, low + half, high − half), draw
 * uniform(midpoint − half, midpoint + half). The window is also intersected with [low, high], which
 * only matters when rounding in `low + half − half` lands one ulp outside the prior. When the window
 * is narrower than one ulp (huge shrinkCoef), the midpoint itself is returned, where `rng.uniform`
 * would return the double below an empty [a, a).
 */
function uniformWindow(low: number, high: number, mid: number, shrink: number, rng: Rng): number {
  const half = 0.5 * ((high - low) * shrink);
  // np.clip(a, lo, hi) is minimum(maximum(a, lo), hi); NaN passes through as NaN in both.
  const centre = Math.min(Math.max(mid, low + half), high - half);
  const a = Math.max(centre - half, low);
  const b = Math.min(centre + half, high);
  return a < b ? rng.uniform(a, b) : centre;
}

/**
 * `hp_randint` / `hp_categorical`: one draw from p = (1 − shrink)·onehot(val) + shrink·prior. That
 * mixture is drawn as "keep `val` with probability 1 − shrink, else draw from the prior", which is
 * the same distribution without building a probability vector of the randint's range (which may be
 * huge). A value outside [low, high) or not an integer (a hand-made history) gives no one-hot and so
 * a draw from the prior.
 */
function keepOrResample(
  val: number,
  low: number,
  high: number,
  shrink: number,
  rng: Rng,
  prior: () => number,
): number {
  const valid = Number.isInteger(val) && val >= low && val < high;
  if (valid && rng.random() < 1 - shrink) return val;
  return prior();
}
