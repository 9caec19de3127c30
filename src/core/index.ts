// Public entry point of the core: Hyperopt's concepts in camelCase. Filled in by the space, trials,
// algorithm and fmin modules.
export type * from './space/types';
export type * from './random/types';
export * from './trials/types';
export type * from './algorithms/types';
export * from './space/index';
export * from './random/index';
export * from './trials/index';
export * from './algorithms/index';
export * from './algorithms/tpe/index';
export * from './algorithms/anneal/index';
export * from './algorithms/mix/index';
export * from './earlyStop/index';
export * from './fmin/index';
