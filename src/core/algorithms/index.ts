// Suggest algorithms and their plumbing. Types (SuggestFn, SuggestAlgo, Domain, TrialsView) come from ./types.
export { makeSuggestAlgo } from './makeSuggestAlgo';
export type { SuggestImpl } from './makeSuggestAlgo';
export { registerAlgo, getRegisteredAlgo, registeredAlgoNames, algoFromSpec, algoToSpec } from './registry';
export type { AlgoSpec } from './registry';
export { rand } from './rand';
