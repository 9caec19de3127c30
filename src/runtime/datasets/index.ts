// Small seeded datasets for example objectives: `import { makeMoons } from 'datasets'`.
export { makeMoons } from './moons';
export type { MoonsOptions } from './moons';
export { makeBlobs } from './blobs';
export type { BlobsOptions } from './blobs';
export { makeClassification } from './classification';
export type { ClassificationOptions } from './classification';
export { trainTestSplit, accuracy, shuffleDataset } from './split';
export type { SplitOptions } from './split';
export type { Dataset } from './types';
