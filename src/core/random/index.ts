export type { Rng } from './types';
export { createRng, restoreRng, seedFromRng } from './xoshiro';
export type { RngState, SeededRng } from './xoshiro';
