/**
 * hyperopt/early_stop.py:no_progress_loss, with master's semantics (see hyperopt-algorithms.md §6).
 */
import type { Trials } from '../trials/trials';

/** The state `noProgressLoss` threads through fmin: [reference loss, rounds without progress]. */
export type NoProgressState = [bestLoss: number | null, iterationNoProgress: number];

/**
 * Stops when the loss has not improved for `iterationStopCount` consecutive calls.
 *
 * Exactly Hyperopt's counter: the first call (no reference yet) returns counter 1; later calls
 * compare the new loss with `threshold = best - |best * percentIncrease / 100|`; a loss below the
 * threshold becomes the new reference and resets the counter to 0, anything else (NaN too) adds 1;
 * stop when the counter reaches `iterationStopCount`. Small improvements (above the threshold) move
 * neither the counter nor the reference.
 *
 * The "new loss" is the loss of the trial that finished last (`trials.lastFinished`), which in a
 * serial run is Hyperopt's `trials.trials[-1]` and in an asynchronous run is the trial that just
 * completed. Where Hyperopt would raise KeyError (a result without `loss`, e.g. status 'fail'),
 * the loss is treated as missing (null), as master's `new_loss is None` clause does: it counts as
 * an improvement and becomes the (missing) reference, so the next call starts over like a first call.
 * While no trial has finished the call changes nothing.
 *
 * @param iterationStopCount - rounds without progress before stopping (default 20).
 * @param percentIncrease - relative improvement, in percent, needed to count as progress (default 0).
 */
export function noProgressLoss(
  iterationStopCount = 20,
  percentIncrease = 0,
): (trials: Trials, bestLoss?: number | null, iterationNoProgress?: number) => [boolean, NoProgressState] {
  if (!Number.isFinite(iterationStopCount))
    throw new RangeError(`noProgressLoss: iterationStopCount must be a number (got ${iterationStopCount})`);
  if (!Number.isFinite(percentIncrease))
    throw new RangeError(`noProgressLoss: percentIncrease must be a number (got ${percentIncrease})`);
  return (trials, bestLoss = null, iterationNoProgress = 0) => {
    const last = trials.lastFinished;
    if (last === undefined) return [false, [bestLoss, iterationNoProgress]];
    const newLoss = last.result.loss ?? null;
    // early_stop.py: first call (no reference) -> counter + 1, reference = new loss.
    if (bestLoss === null) return [false, [newLoss, iterationNoProgress + 1]];
    const threshold = bestLoss - Math.abs((bestLoss * percentIncrease) / 100);
    let best: number | null = bestLoss;
    let count = iterationNoProgress;
    if (newLoss === null || newLoss < threshold) {
      best = newLoss;
      count = 0;
    } else {
      count += 1;
    }
    return [count >= iterationStopCount, [best, count]];
  };
}
