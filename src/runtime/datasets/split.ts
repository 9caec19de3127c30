import { createRng, type Rng } from '../../core/random';
import type { Dataset } from './types';

/** Shuffles rows and labels together (Fisher-Yates with the given generator). */
export function shuffleDataset({ X, y }: Dataset, rng: Rng): Dataset {
  const order = X.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.integers(0, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { X: order.map((i) => X[i]!), y: order.map((i) => y[i]!) };
}

export interface SplitOptions {
  /** Fraction of samples in the test set, in (0, 1). */
  testSize?: number;
  seed?: number;
}

/** Shuffles and splits into train and test sets (scikit-learn's train_test_split). */
export function trainTestSplit(data: Dataset, { testSize = 0.25, seed = 0 }: SplitOptions = {}) {
  if (!(testSize > 0 && testSize < 1))
    throw new RangeError(`trainTestSplit: testSize must be in (0, 1) (got ${testSize})`);
  if (data.X.length !== data.y.length)
    throw new RangeError('trainTestSplit: X and y must have the same length');
  const shuffled = shuffleDataset(data, createRng(seed));
  const nTest = Math.max(1, Math.round(data.X.length * testSize));
  return {
    train: { X: shuffled.X.slice(nTest), y: shuffled.y.slice(nTest) },
    test: { X: shuffled.X.slice(0, nTest), y: shuffled.y.slice(0, nTest) },
  };
}

/** Fraction of equal labels. */
export function accuracy(yTrue: readonly number[], yPred: readonly number[]): number {
  if (yTrue.length !== yPred.length || yTrue.length === 0) {
    throw new RangeError('accuracy: yTrue and yPred must be non-empty and of the same length');
  }
  let same = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) same += 1;
  return same / yTrue.length;
}
