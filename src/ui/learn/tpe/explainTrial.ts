/**
 * Replays the suggest call of one trial and explains it for one label with core's `explainTpe`,
 * which runs the very engine `tpe.suggest` runs: with the call's seed and history, its proposal is
 * the proposal the run made, and this module checks that it is.
 */
import {
  explainTpe,
  rand,
  type CompiledSpace,
  type TpeExplanation,
  type TpeOptions,
  type Vals,
} from '../../../core';
import { replayCall, type ExplainRun, type ReplayedCall } from './explainRun';

export interface TrialExplanation {
  tid: number;
  label: string;
  call: Omit<ReplayedCall, 'docs'> & { nTrials: number };
  explanation: TpeExplanation;
  /** What the replayed call proposed for this trial. */
  replayed: Vals;
  /** The trial's recorded values. */
  recorded: Vals;
  /** Labels whose replayed value differs from the recorded one (empty: an exact reproduction). */
  differences: string[];
}

/** A range of ids, as fmin offers them to one call. */
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function sameVals(a: Vals, b: Vals): string[] {
  const labels = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...labels].filter((label) => !Object.is(a[label], b[label])).sort();
}

/**
 * Explains trial `tid` for `label`. Returns a sentence instead when the call cannot be replayed.
 *
 * @throws RangeError from explainTpe for an unknown label or invalid options.
 */
export function explainTrial(
  run: ExplainRun,
  space: CompiledSpace,
  tid: number,
  label: string,
): TrialExplanation | string {
  const call = replayCall(run, space, tid);
  if (typeof call === 'string') return call;
  const options = run.options as Partial<TpeOptions>;
  let explanation = explainTpe(space, call.docs, label, call.seed, options);
  let replayed: Vals = explanation.proposal;
  const firstTid = run.trials.find((t) => t.tid === tid)!.suggest!.firstTid;
  if (explanation.phase === 'startup' && tid !== firstTid) {
    // A startup call may propose several trials at once (maxQueueLen > 1): rand.suggest for them all.
    const proposals = rand.suggest(ids(firstTid, tid), { space }, { trials: call.docs }, call.seed);
    replayed = proposals.find((p) => p.tid === tid)?.vals ?? {};
    explanation = { ...explanation, proposal: replayed, labelActive: label in replayed };
  }
  const recorded = run.trials.find((t) => t.tid === tid)!.vals;
  const { docs, ...rest } = call;
  return {
    tid,
    label,
    call: { ...rest, nTrials: docs.length },
    explanation,
    replayed,
    recorded,
    differences: sameVals(replayed, recorded),
  };
}
