/**
 * Asynchronous parallel evaluation in virtual time: the protocol of shared/reference/parallel.md,
 * so that our algorithms can be compared with the Hyperopt and Optuna runs recorded there, and so
 * that the Learn view can show what parallelism costs in adaptivity without waiting for real trials.
 *
 * A *submission* asks the algorithm for exactly one trial given the current history (trials still
 * running are in it as RUNNING documents without a result), registers the trial as running and
 * evaluates the objective at once, holding the value back until the trial's virtual finish time.
 * The event loop repeatedly completes the running trial that finishes first (ties: smaller
 * submission index) and, while the budget allows, submits a replacement at that moment.
 */
import type { SuggestFn } from '../algorithms/types';
import { createRng, seedFromRng } from '../random/index';
import { compileSpace, isCompiledSpace, spaceEval, valsToMisc } from '../space/index';
import type { CompiledSpace, SpaceNode } from '../space/types';
import { newTrialDoc } from '../trials/docs';
import { Trials } from '../trials/trials';

/** One simulated run. */
export interface ParallelSimOptions {
  /** The algorithm, asked for one trial per submission (Hyperopt's `algo(new_ids, domain, trials, seed)`). */
  algo: SuggestFn;
  space: SpaceNode | CompiledSpace;
  /** Deterministic objective of the evaluated configuration; its value is the loss. */
  fn: (config: unknown) => number;
  /** At most this many trials in flight (P ≥ 1). */
  parallelism: number;
  /** Virtual duration of the k-th submitted trial; at least `nTrials` entries. */
  durations: readonly number[];
  /** Trials submitted and completed in total. Default: `durations.length`. */
  nTrials?: number;
  /** Seed of the generator that draws one algorithm seed per ask, as fmin's `seed` does. */
  seed: number;
}

/** One trial of a simulated run. */
export interface SimTrial {
  /** Submission index, also the trial's tid. */
  k: number;
  loss: number;
  submitTime: number;
  finishTime: number;
  vals: Record<string, number>;
  /** Submission indices of the trials still running when this one was submitted. */
  inFlight: number[];
}

/** What a simulated run produced. */
export interface ParallelSimResult {
  /** Trials in submission order. */
  trials: SimTrial[];
  /** Losses in completion order. */
  completionLosses: number[];
  /** Virtual time of each completion, in completion order (non-decreasing). */
  completionTimes: number[];
  /** Virtual time of the last completion (depends only on the durations and P). */
  makespan: number;
  /** The history the algorithm saw at the end (every trial DONE). */
  history: Trials;
}

/** Best loss among the first `n` completions (in completion order). */
export function bestAfter(result: ParallelSimResult, n: number): number {
  let best = Infinity;
  for (const loss of result.completionLosses.slice(0, n)) if (loss < best) best = loss;
  return best;
}

/** Runs the protocol once. @throws RangeError on a bad parallelism, budget or duration list. */
export function simulateParallel(options: ParallelSimOptions): ParallelSimResult {
  const { algo, fn, parallelism, durations } = options;
  const nTrials = options.nTrials ?? durations.length;
  if (!Number.isSafeInteger(parallelism) || parallelism < 1) {
    throw new RangeError(`parallelism must be an integer ≥ 1 (got ${parallelism})`);
  }
  if (!Number.isSafeInteger(nTrials) || nTrials < 0 || nTrials > durations.length) {
    throw new RangeError(`nTrials must be an integer in [0, ${durations.length}] (got ${nTrials})`);
  }
  const space = isCompiledSpace(options.space) ? options.space : compileSpace(options.space);
  const domain = { space };
  const history = new Trials();
  // fmin's seed stream: one `rstate.integers(2**31 - 1)` per ask, so P = 1 is fmin's serial run.
  const rstate = createRng(options.seed);
  const trials: SimTrial[] = [];
  const running: SimTrial[] = [];
  const completionLosses: number[] = [];
  const completionTimes: number[] = [];
  let clock = 0;

  const submit = (): void => {
    const k = trials.length;
    const ids = history.newTrialIds(1);
    const proposal = algo(ids, domain, history, seedFromRng(rstate))[0];
    if (proposal === undefined || proposal.tid !== ids[0]) {
      throw new Error(`the algorithm gave no trial for tid ${ids[0]} at submission ${k}`);
    }
    const doc = newTrialDoc(proposal.tid, valsToMisc(space, proposal.tid, proposal.vals));
    history.insertTrialDocs([doc], false);
    history.startTrial(doc.tid, clock);
    // Evaluated now, revealed at finishTime: the value cannot leak into later asks.
    const loss = fn(spaceEval(space, proposal.vals));
    const inFlight = running.map((t) => t.k);
    const finishTime = clock + durations[k]!;
    const trial = { k, loss, submitTime: clock, finishTime, vals: proposal.vals, inFlight };
    trials.push(trial);
    running.push(trial);
  };

  while (trials.length < Math.min(parallelism, nTrials)) submit();
  while (completionLosses.length < nTrials) {
    // P is small (≤ 16 in the protocol): a linear scan is simpler than a heap and just as fast.
    let next = 0;
    for (let i = 1; i < running.length; i++) {
      const a = running[i]!;
      const b = running[next]!;
      if (a.finishTime < b.finishTime || (a.finishTime === b.finishTime && a.k < b.k)) next = i;
    }
    const done = running.splice(next, 1)[0]!;
    clock = done.finishTime;
    history.completeTrial(done.k, { status: 'ok', loss: done.loss }, clock);
    completionLosses.push(done.loss);
    completionTimes.push(clock);
    if (trials.length < nTrials) submit();
  }
  return { trials, completionLosses, completionTimes, makespan: clock, history };
}
