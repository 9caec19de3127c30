/**
 * Two-sample Kolmogorov–Smirnov test with the asymptotic p-value, as scipy.stats.ks_2samp computes
 * it in `mode='asymp'`: D is the largest gap between the two empirical CDFs and
 * p = Q_KS(sqrt(n·m / (n + m)) · D), Q_KS being Kolmogorov's limiting survival function.
 */

/** Result of {@link ksTwoSample}: the statistic D and its asymptotic p-value. */
export interface KsResult {
  d: number;
  p: number;
}

/**
 * Kolmogorov's limiting survival function Q_KS(λ) = 2 Σ_{k≥1} (−1)^{k−1} exp(−2k²λ²).
 * That alternating series is slow for small λ, where the Jacobi-theta form of the CDF,
 * 1 − Q = √(2π)/λ Σ_{k≥1} exp(−(2k−1)²π² / (8λ²)), converges in a few terms instead.
 */
export function kolmogorovSurvival(lambda: number): number {
  if (Number.isNaN(lambda)) throw new RangeError('kolmogorovSurvival: lambda is NaN');
  if (lambda <= 0) return 1;
  if (lambda < 1.18) {
    const c = (-Math.PI * Math.PI) / (8 * lambda * lambda);
    let cdf = 0;
    for (let k = 1; k < 100; k++) {
      const odd = 2 * k - 1;
      const term = Math.exp(c * odd * odd);
      cdf += term;
      if (term < 1e-17 * cdf) break;
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * cdf));
  }
  let sum = 0;
  for (let k = 1; k < 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

function sortedCopy(values: ArrayLike<number>, name: string): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) throw new RangeError(`ksTwoSample: sample ${name} contains NaN`);
    out[i] = v;
  }
  return out.sort();
}

/**
 * Two-sample KS test. Ties are handled by stepping both empirical CDFs past all copies of a value
 * before measuring the gap (so −0 and 0 count as one value).
 *
 * @throws RangeError when a sample is empty or contains NaN.
 */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new RangeError('ksTwoSample: both samples must be non-empty');
  const x = sortedCopy(a, 'a');
  const y = sortedCopy(b, 'b');
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const xi = x[i] as number;
    const yj = y[j] as number;
    const v = xi <= yj ? xi : yj;
    while (i < n && (x[i] as number) <= v) i++;
    while (j < m && (y[j] as number) <= v) j++;
    const gap = Math.abs(i / n - j / m);
    if (gap > d) d = gap;
  }
  const en = (n * m) / (n + m);
  return { d, p: kolmogorovSurvival(Math.sqrt(en) * d) };
}
