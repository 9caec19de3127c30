import type { Trials } from '../trials/trials';

/**
 * What an early-stop function returns: whether to stop, and the state to pass back on the next call
 * (Hyperopt's `(stop, kwargs)`, fmin.py:FMinIter.run).
 */
export type EarlyStopResult = readonly [stop: boolean, state: readonly unknown[]];

/**
 * Hyperopt's `early_stop_fn(trials, *args) -> (stop, args)`: fmin calls it after every round (every
 * completed trial in an asynchronous run) with the state it returned last time, spread after
 * `trials`; the first call gets no state. The parameter list is typed `never[]` so that functions
 * with their own typed, optional state parameters (like {@link noProgressLoss}'s) are accepted.
 */
export type EarlyStopFn = (
  trials: Trials,
  ...state: never[]
) => EarlyStopResult | PromiseLike<EarlyStopResult>;
