import { createRng } from '../../core/random';
import { shuffleDataset } from './split';
import type { Dataset } from './types';

export interface MoonsOptions {
  nSamples?: number;
  /** Standard deviation of Gaussian noise added to every coordinate. */
  noise?: number;
  seed?: number;
}

/**
 * Two interleaving half circles (scikit-learn's make_moons): label 0 on the outer moon, 1 on the
 * inner one, shuffled. Deterministic for a given seed.
 */
export function makeMoons({ nSamples = 100, noise = 0, seed = 0 }: MoonsOptions = {}): Dataset {
  checkCount(nSamples, 'makeMoons', 2);
  const rng = createRng(seed);
  const nOut = Math.floor(nSamples / 2);
  const nIn = nSamples - nOut;
  const X: number[][] = [];
  const y: number[] = [];
  const step = (n: number, i: number) => (n === 1 ? 0 : (Math.PI * i) / (n - 1));
  for (let i = 0; i < nOut; i++) {
    X.push([Math.cos(step(nOut, i)), Math.sin(step(nOut, i))]);
    y.push(0);
  }
  for (let i = 0; i < nIn; i++) {
    X.push([1 - Math.cos(step(nIn, i)), 1 - Math.sin(step(nIn, i)) - 0.5]);
    y.push(1);
  }
  if (noise > 0) for (const row of X) for (let j = 0; j < row.length; j++) row[j]! += rng.normal(0, noise);
  return shuffleDataset({ X, y }, rng);
}

/** Throws a RangeError naming the generator when `n` is not an integer >= min. */
export function checkCount(n: number, fn: string, min: number, what = 'nSamples'): void {
  if (!Number.isInteger(n) || n < min)
    throw new RangeError(`${fn}: ${what} must be an integer >= ${min} (got ${n})`);
}
