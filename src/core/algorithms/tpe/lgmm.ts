/**
 * Hyperopt's `LGMM1` / `LGMM1_lpdf` (tpe.py:222-250, 258-300): a mixture fitted in log space whose
 * draws are exponentiated — the posterior of loguniform, qloguniform, lognormal and qlognormal.
 *
 * Quirk kept on purpose: for the continuous kinds `LGMM1_lpdf` computes the truncation mass p_accept
 * (tpe.py:270-275) but never divides by it (tpe.py:277-280: `logsum_rows(lpdfs + log(weights))`), while
 * the quantised branch does subtract log p_accept. The loguniform score log l − log g therefore
 * differs from the normalised one by log(p_accept_g / p_accept_l). That is the same constant for all
 * candidates of a label, so the winner (and every proposal) is unaffected, but the log l / log g values
 * that `explainTpe` reports are Hyperopt's unnormalised ones.
 */
import type { Rng } from '../../random/types';
import { roundHalfEven } from '../../space/round';
import { TruncatedMixture } from './gmm';
import { EPS } from './numerics';
import type { Posterior } from './types';

/**
 * LGMM1: the mixture, its truncation bounds (`null` when untruncated: the lognormal kinds) and p_accept
 * live in log space; `sample` and `logPdf` use values in the parameter's space, and q is a step there.
 */
export class Lgmm1 extends TruncatedMixture implements Posterior {
  readonly logSpace = true;

  /** `LGMM1`: a (truncated) draw in log space, exponentiated, then `round(x / q) * q` if quantised. */
  sample(rng: Rng): number {
    const value = Math.exp(this.draw(rng));
    return this.q === null ? value : roundHalfEven(value / this.q) * this.q;
  }

  /**
   * `LGMM1_lpdf`: continuous → log Σ_k w_k LogNormal(x; μ_k, σ_k) (the 1/x Jacobian included, no
   * p_accept); quantised → log Σ_k w_k [F_k(ub) − F_k(lb)] − log p_accept with value-space bounds
   * ub = min(x + q/2, e^high), lb = max(0, x − q/2, e^low) and F_k the log-normal CDF.
   */
  logPdf(x: number, tolerance?: number): number {
    const score = this.logScore(x, tolerance);
    return this.q === null ? score : score - Math.log(this.acceptance());
  }

  /** `logPdf` without the − log p_accept term of the quantised kinds (a constant of this density). */
  logScore(x: number, tolerance?: number): number {
    const density = this.densityModel();
    if (this.q === null) {
      const y = Math.log(x);
      return density.logDensity(y, tolerance) - y;
    }
    const half = this.q / 2;
    const ub = this.high === null ? x + half : Math.min(x + half, Math.exp(this.high));
    let lb = this.low === null ? x - half : Math.max(x - half, Math.exp(this.low));
    if (lb < 0) lb = 0;
    // lognormal_cdf moves arguments below EPS up to EPS (tpe.py:188) before taking the log.
    return density.logMass(Math.log(Math.max(lb, EPS)), Math.log(Math.max(ub, EPS)), tolerance);
  }
}
