import { createRng } from '../../core/random';
import { checkCount } from './moons';
import { shuffleDataset } from './split';
import type { Dataset } from './types';

export interface ClassificationOptions {
  nSamples?: number;
  nFeatures?: number;
  /** Features that carry the class signal; the rest are pure noise. */
  nInformative?: number;
  nClasses?: number;
  /** Distance of class centres from the origin along each informative feature. */
  classSep?: number;
  seed?: number;
}

/**
 * A simplified scikit-learn make_classification: each class gets a centre on a vertex of a
 * hypercube (side 2 * classSep) in the informative features, samples are Gaussian around it, and
 * the remaining features are standard normal noise. Fewer knobs than scikit-learn (no redundant
 * features, no label noise), enough to make a tunable classification problem.
 */
export function makeClassification({
  nSamples = 100,
  nFeatures = 4,
  nInformative = 2,
  nClasses = 2,
  classSep = 1,
  seed = 0,
}: ClassificationOptions = {}): Dataset {
  checkCount(nSamples, 'makeClassification', 1);
  checkCount(nFeatures, 'makeClassification', 1, 'nFeatures');
  checkCount(nInformative, 'makeClassification', 1, 'nInformative');
  checkCount(nClasses, 'makeClassification', 2, 'nClasses');
  if (nInformative > nFeatures) throw new RangeError('makeClassification: nInformative must be <= nFeatures');
  if (nClasses > 2 ** nInformative) {
    throw new RangeError(`makeClassification: nClasses must be <= 2 ** nInformative (${2 ** nInformative})`);
  }
  const rng = createRng(seed);
  // Distinct hypercube vertices, one per class, picked at random.
  const vertices = Array.from({ length: 2 ** nInformative }, (_, i) => i);
  for (let i = vertices.length - 1; i > 0; i--) {
    const j = rng.integers(0, i + 1);
    [vertices[i], vertices[j]] = [vertices[j]!, vertices[i]!];
  }
  const centres = vertices
    .slice(0, nClasses)
    .map((v) => Array.from({ length: nInformative }, (_, bit) => ((v >> bit) & 1 ? classSep : -classSep)));
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < nSamples; i++) {
    const label = i % nClasses;
    const row = centres[label]!.map((c) => rng.normal(c, 1));
    for (let f = nInformative; f < nFeatures; f++) row.push(rng.normal(0, 1));
    X.push(row);
    y.push(label);
  }
  return shuffleDataset({ X, y }, rng);
}
