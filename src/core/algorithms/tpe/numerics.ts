/**
 * Special functions for TPE's densities: the complementary error function (Hyperopt takes `erf` from
 * scipy.special), Gaussian masses of intervals, log-sum-exp and a fast exp for the mixture sums.
 *
 * Hyperopt's `normal_cdf` (tpe.py:100-105) is `0.5 * (1 + erf(z))`, which cancels to exactly 0 in the
 * lower tail and loses relative precision there. Here every mass is computed from `erfc` on the side
 * where it is small, so tail probabilities keep full relative precision. The formulas are the same;
 * only the rounding is better (a candidate far in g's tail gets a large finite score instead of
 * log(0)).
 */

/** Hyperopt's `EPS` (tpe.py:25): floor of `sqrt(2) * sigma` and of lognormal arguments. */
export const EPS = 1e-12;

const SQRT2 = Math.SQRT2;
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
/** log(sqrt(2π)), the Gaussian normaliser. */
export const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** erfc(x) underflows to 0 beyond this (erfc(27.3) ≈ 5e-326). */
const ERFC_ZERO_BEYOND = 27.3;
/** Grid of the scaled erfc table: points i / STEPS_PER_UNIT on [0, ERFC_ZERO_BEYOND]. */
const STEPS_PER_UNIT = 32;
const TAYLOR_TERMS = 8;

/**
 * erfcx(x) = exp(x²)·erfc(x) for x ≥ 0, slowly and accurately: the power series of erf below 1 (no
 * cancellation there: erfc(1) ≈ 0.16), the continued fraction
 * √π·erfcx(x) = 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) (modified Lentz) from 1 up, where it
 * converges in < 200 steps. Used only to build the table below (and by tests).
 */
export function erfcxSlow(x: number): number {
  if (x < 1) {
    // erf(x) = 2/√π · exp(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)): positive terms, no cancellation.
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return Math.exp(x * x) - TWO_OVER_SQRT_PI * sum;
  }
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 10000; n++) {
    const a = n / 2;
    d = x + a * d;
    if (d === 0) d = tiny;
    c = x + a / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / (f * Math.sqrt(Math.PI));
}

let erfcxTable: Float64Array | null = null;
let expNegSquareTable: Float64Array | null = null;

function buildTables(): void {
  const n = Math.ceil(ERFC_ZERO_BEYOND * STEPS_PER_UNIT) + 2;
  const fx = new Float64Array(n);
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x0 = i / STEPS_PER_UNIT;
    fx[i] = erfcxSlow(x0);
    e[i] = Math.exp(-x0 * x0); // x0² is exact: i² / 1024
  }
  erfcxTable = fx;
  expNegSquareTable = e;
}

/**
 * erfc(x) to ~1e-14 relative precision everywhere, including the far tail (where `1 - erf` would
 * cancel). For x ≥ 0: erfc(x) = exp(−x²)·erfcx(x), with erfcx expanded in a Taylor series around the
 * nearest grid point x0 (its derivatives follow from erfcx' = 2x·erfcx − 2/√π:
 * erfcx⁽ⁿ⁺¹⁾ = 2x·erfcx⁽ⁿ⁾ + 2n·erfcx⁽ⁿ⁻¹⁾), and exp(−x²) = exp(−x0²)·exp(−(2x0·h + h²)) so that the
 * large square is never rounded. For x < 0: erfc(x) = 2 − erfc(−x).
 */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (!(x < ERFC_ZERO_BEYOND)) return x >= ERFC_ZERO_BEYOND ? 0 : NaN;
  if (erfcxTable === null) buildTables();
  const table = erfcxTable!;
  const i = Math.round(x * STEPS_PER_UNIT);
  const x0 = i / STEPS_PER_UNIT;
  const h = x - x0;
  let d0 = table[i]!;
  let d1 = 2 * x0 * d0 - TWO_OVER_SQRT_PI;
  let sum = d0 + h * d1;
  let power = h;
  for (let n = 1; n < TAYLOR_TERMS; n++) {
    const d2 = 2 * x0 * d1 + 2 * n * d0;
    power *= h / (n + 1);
    sum += d2 * power;
    d0 = d1;
    d1 = d2;
  }
  return expNegSquareTable![i]! * Math.exp(-(2 * x0 + h) * h) * sum;
}

/** erf(x); the power series near 0 keeps relative precision for tiny |x|. */
export function erf(x: number): number {
  if (Math.abs(x) < 0.5) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 60; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return TWO_OVER_SQRT_PI * sum;
  }
  return x > 0 ? 1 - erfc(x) : erfc(-x) - 1;
}

/**
 * Hyperopt's `normal_cdf(x, mu, sigma)` (tpe.py:100-105): Φ((x − mu)/sigma) with the scaled distance
 * `(x − mu) / max(√2·sigma, EPS)`.
 */
export function normalCdf(x: number, mu: number, sigma: number): number {
  return 0.5 * erfc(-(x - mu) / Math.max(SQRT2 * sigma, EPS));
}

/**
 * Mass of N(mu, sigma) in [lo, hi], i.e. `normal_cdf(hi) − normal_cdf(lo)`, computed in the tail where
 * it is small: both ends above mu → Q(lo) − Q(hi); both below → Φ(hi) − Φ(lo); straddling →
 * 1 − Q(hi) − Φ(lo). `lo`/`hi` may be ±Infinity. Returns a negative number when hi < lo, as the
 * plain difference would (Hyperopt then takes log of it and gets NaN).
 */
export function normalMass(lo: number, hi: number, mu: number, sigma: number): number {
  const scale = 1 / Math.max(SQRT2 * sigma, EPS);
  const a = (lo - mu) * scale;
  const b = (hi - mu) * scale;
  // erfc(6) ≈ 2e-17: both tails together are below half an ulp of 1, so the mass rounds to exactly 1.
  if (a < -6 && b > 6) return 1;
  if (a >= 0) return 0.5 * (erfc(a) - erfc(b));
  if (b <= 0) return 0.5 * (erfc(-b) - erfc(-a));
  // Straddling with b > 6 (a < −6) the mass exceeds 1/2, so erfc(b)/2 < 1.1e-17 cannot show in it.
  return 1 - 0.5 * ((b > 6 ? 0 : erfc(b)) + (a < -6 ? 0 : erfc(-a)));
}

/** log Σ exp(values[i]) for i < n, stable (Hyperopt's `logsum_rows`, tpe.py:253-255). */
export function logSumExp(values: ArrayLike<number>, n: number = values.length): number {
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (values[i]! > max) max = values[i]!;
  if (max === -Infinity || max === Infinity || Number.isNaN(max)) return max;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

/** 2^(j/64), j = 0 … 63. */
const EXP_FRACTION = new Float64Array(64);
/** 2^k for k = −1100 … 0 (entries below −1074 are 0). */
const EXP_POWER_OFFSET = 1100;
const EXP_POWER = new Float64Array(EXP_POWER_OFFSET + 1);
for (let j = 0; j < 64; j++) EXP_FRACTION[j] = Math.pow(2, j / 64);
for (let k = 0; k <= EXP_POWER_OFFSET; k++) EXP_POWER[k] = Math.pow(2, k - EXP_POWER_OFFSET);
const SIXTY_FOUR_OVER_LN2 = 64 / Math.LN2;
// ln 2 / 64 split so that n·HI is exact for |n| < 2^21: fdlibm's ln2_hi has 32 significant bits.
const LN2_OVER_64_HI = 6.9314718036912381649e-1 / 64;
const LN2_OVER_64_LO = 1.9082149292705877e-10 / 64;

/**
 * exp(x) for x ≤ 0, faster than `Math.exp` in V8 and within 4e-16 relative of it down to the
 * subnormal range (x < −708, where precision fades as for any double); 0 below −745. The mixture
 * densities evaluate thousands of Gaussian terms per candidate, all of the form exp(non-positive).
 * Method: x = (64k + j)·ln2/64 + r with |r| < ln2/64, exp(x) = 2^k · 2^(j/64) · P(r), P the degree-6
 * Taylor polynomial of exp (error < r^7/7! ≈ 4e-18).
 */
export function expNonPositive(x: number): number {
  if (!(x > -745.2)) return x <= -745.2 ? 0 : NaN;
  // Truncation toward 0 (not Math.round, which V8 handles slowly here) leaves r in (−ln2/64, 0].
  const n = (x * SIXTY_FOUR_OVER_LN2) | 0;
  const r = x - n * LN2_OVER_64_HI - n * LN2_OVER_64_LO;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
  // n >> 6 is floor(n / 64) and n & 63 its remainder, for negative n too (two's complement).
  return EXP_POWER[(n >> 6) + EXP_POWER_OFFSET]! * EXP_FRACTION[n & 63]! * p;
}
