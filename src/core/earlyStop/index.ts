// Early stopping (hyperopt/early_stop.py).
export { noProgressLoss } from './noProgressLoss';
export type { NoProgressState } from './noProgressLoss';
export type { EarlyStopFn, EarlyStopResult } from './types';
