import { createRng } from '../../core/random';
import { checkCount } from './moons';
import { shuffleDataset } from './split';
import type { Dataset } from './types';

export interface BlobsOptions {
  nSamples?: number;
  /** Number of clusters (one class each). */
  centers?: number;
  nFeatures?: number;
  /** Standard deviation of each cluster. */
  clusterStd?: number;
  /** Cluster centres are drawn uniformly in this box, per feature. */
  centerBox?: [number, number];
  seed?: number;
}

/** Isotropic Gaussian clusters (scikit-learn's make_blobs), one class per cluster, shuffled. */
export function makeBlobs({
  nSamples = 100,
  centers = 3,
  nFeatures = 2,
  clusterStd = 1,
  centerBox = [-10, 10],
  seed = 0,
}: BlobsOptions = {}): Dataset {
  checkCount(nSamples, 'makeBlobs', 1);
  checkCount(centers, 'makeBlobs', 1, 'centers');
  checkCount(nFeatures, 'makeBlobs', 1, 'nFeatures');
  const rng = createRng(seed);
  const means = Array.from({ length: centers }, () =>
    Array.from({ length: nFeatures }, () => rng.uniform(centerBox[0], centerBox[1])),
  );
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < nSamples; i++) {
    // As scikit-learn: samples spread evenly over the clusters, the first ones get the remainder.
    const label = i % centers;
    X.push(means[label]!.map((mu) => rng.normal(mu, clusterStd)));
    y.push(label);
  }
  return shuffleDataset({ X, y }, rng);
}
