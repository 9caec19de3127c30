/**
 * A seeded generator. Core never uses Math.random: every draw comes from an injected Rng, so the
 * same seed gives the same trials in Node and in the browser.
 */
export interface Rng {
  /** Uniform double in [0, 1) with 53 random bits. */
  random(): number;
  /** Uniform double in [low, high). */
  uniform(low: number, high: number): number;
  /** Normal(mu, sigma). */
  normal(mu: number, sigma: number): number;
  /** Uniform integer in [low, high). */
  integers(low: number, high: number): number;
  /** Index i with probability p[i] (p sums to 1 up to rounding). */
  categorical(p: readonly number[]): number;
}
