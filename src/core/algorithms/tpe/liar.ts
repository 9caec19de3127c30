/**
 * Parallel-aware TPE: what a proposal assumes about the trials that are still running.
 *
 * Hyperopt (tpe.py:865-902) reads every document, pending ones included, and gives a document
 * without a loss the loss +∞. Pending trials therefore count in N (for the startup phase and for the
 * split size) and always land in the "above" group, so their values raise g(x) and push new
 * candidates away from them. That is the `liar: 'none'` default, kept bit for bit.
 *
 * The other settings are a *constant liar* (Ginsbourger et al., 2010; Optuna's `constant_liar`):
 * each pending trial is read as if it had finished with a lie loss computed from the finished
 * trials. TPE only ranks losses, so a lie acts through the group it puts the trial in:
 * - `'worst'`: the worst finished loss: pending points join g(x), as in Hyperopt, but with a finite,
 *   observed value (Optuna uses +∞).
 * - `'mean'`: the mean finished loss: in practice above the good quantile too, so `'worst'`'s group.
 * - `'best'`: the best finished loss: pending points join l(x) ("optimistic believer"); it tends to
 *   pull proposals towards what is in flight, and is here to be measured, not recommended.
 * - `{constant: c}`: a fixed lie, e.g. a known bad value of the objective.
 * - `'believer'`: not a constant: each pending trial gets the loss of its nearest finished trial
 *   (believer.ts, after the kriging believer), so it joins l(x) or g(x) by where it lies.
 *
 * With a liar on, the split size counts only finished trials (Optuna's rule): a lie is not evidence,
 * so it must not change how many real trials are called good; for the same reason a lie that equals
 * a real loss ranks after it. Pending trials still count towards `nStartupJobs`, as in Hyperopt,
 * since each of them is a point already committed to.
 *
 * Measured (bench/suites/tpeParallel.ts, parallel.md's protocol): since Hyperopt's +∞ already is a
 * pessimistic lie, `'worst'` and `'mean'` change little for the faithful engine; `'best'` is worse.
 * With the multivariate `tpe.improved`, whose g(x) kernels are wide where few bad trials lie, a
 * pessimistic lie also repels proposals from the good region itself, and `'believer'` gives the
 * lowest losses at P = 16 (it refines next to running trials that sit in the good region).
 */
import type { CompiledSpace } from '../../space/types';
import type { JsonValue } from '../../trials/types';
import { JOB_STATE_DONE } from '../../trials/types';
import { believedLosses } from './believer';
import type { TrialHistory } from './split';

/** How TPE treats pending (new or running) trials; see the module comment. */
export type TpeLiar = 'none' | 'worst' | 'best' | 'mean' | 'believer' | { constant: number };

/** The named liars, for messages and user interfaces. */
export const TPE_LIAR_NAMES: readonly string[] = Object.freeze(['none', 'worst', 'best', 'mean', 'believer']);

/** True for a well-formed liar setting. */
export function isTpeLiar(value: JsonValue | undefined): value is TpeLiar {
  if (typeof value === 'string') return TPE_LIAR_NAMES.includes(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const constant = value['constant'];
  // NaN would rank after every loss and ±∞ is Hyperopt's own treatment: a constant must be finite.
  return keys.length === 1 && typeof constant === 'number' && Number.isFinite(constant);
}

/** The history as TPE should read it, and how many trials size the good/bad split. */
export interface LiedHistory {
  history: TrialHistory;
  /** N in n_below = f(N): every trial for `'none'`, the finished ones otherwise. */
  splitSize: number;
}

/** A pending trial: not finished (state new or running) and without a loss of its own. */
function isPending(history: TrialHistory, i: number): boolean {
  const doc = history.docs[i]!;
  return doc.state !== JOB_STATE_DONE && typeof doc.result.loss !== 'number';
}

/** The constant lie for this liar given the finished losses, or +∞ when there is nothing to lie from. */
function lieValue(liar: Exclude<TpeLiar, 'none' | 'believer'>, finished: readonly number[]): number {
  if (typeof liar === 'object') return liar.constant;
  if (finished.length === 0) return Infinity; // no evidence yet: Hyperopt's +∞
  // Loops, not Math.max(...finished): spreading 10⁵ arguments can overflow the call stack.
  let worst = -Infinity;
  let best = Infinity;
  let sum = 0;
  for (const loss of finished) {
    if (loss > worst) worst = loss;
    if (loss < best) best = loss;
    sum += loss;
  }
  switch (liar) {
    case 'worst':
      return worst;
    case 'best':
      return best;
    case 'mean':
      return sum / finished.length;
  }
}

/**
 * The smallest double above `x` (x itself for ±∞ and NaN). A lie copied from a finished trial's loss
 * is nudged there so that it ranks after that trial even when its tid is smaller (the split breaks
 * ties by tid): a lie never takes a real trial's place in the good group.
 */
export function rankAfter(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/**
 * Applies `liar` to a history read by `readHistory`. For `'none'` the history is returned as it is
 * (same object), so the default path is Hyperopt's exactly. Otherwise pending trials get the lie as
 * their loss; finished trials keep theirs (failed ones without a loss keep +∞, as in Hyperopt).
 *
 * @param space - lets `'believer'` measure distances where TPE models the values (log scale, option
 *   indices); without it values are compared as plain numbers. The constant liars ignore it.
 */
export function applyLiar(history: TrialHistory, liar: TpeLiar, space?: CompiledSpace): LiedHistory {
  const n = history.losses.length;
  if (liar === 'none') return { history, splitSize: n };
  const pending: number[] = [];
  const finished: number[] = [];
  for (let i = 0; i < n; i++) {
    if (isPending(history, i)) pending.push(i);
    else if (Number.isFinite(history.losses[i]!)) finished.push(i);
  }
  if (pending.length === 0) return { history, splitSize: n };
  const losses = history.losses.slice();
  if (liar === 'believer' && finished.length > 0) {
    const lies = believedLosses(history, pending, finished, space);
    pending.forEach((i, k) => (losses[i] = rankAfter(lies[k]!)));
  } else {
    const lie =
      liar === 'believer'
        ? Infinity
        : lieValue(
            liar,
            finished.map((i) => losses[i]!),
          );
    for (const i of pending) losses[i] = typeof liar === 'object' ? lie : rankAfter(lie);
  }
  return { history: { docs: history.docs, tids: history.tids, losses }, splitSize: n - pending.length };
}
