/**
 * Runs core's seeded fmin in the page and records each suggest call the way the runtime's driver
 * does (executeRun.ts): the seed fmin drew, the call's first id, and the trials still pending. The
 * result is an {@link ExplainRun}, so the demo and the playground's runs are explained by one path.
 */
import {
  algoFromSpec,
  JOB_STATE_DONE,
  runFmin,
  toSpaceDocument,
  Trials,
  type AlgoSpec,
  type Objective,
  type SpaceNode,
  type SuggestFn,
  type TrialDoc,
} from '../../../core';
import type { SuggestCall } from '../../../runtime/run/events';
import { decodeExplainRun, EXPLAIN_RUN_VERSION, type ExplainOutcome, type ExplainRun } from './explainRun';

export interface RecordRunOptions {
  space: SpaceNode;
  fn: Objective;
  algo: AlgoSpec;
  maxEvals: number;
  seed: number;
  /** Suggestions asked for per call (Hyperopt's max_queue_len); 1 by default. */
  maxQueueLen?: number;
}

function outcomeOf(doc: TrialDoc): ExplainOutcome {
  if (doc.state === JOB_STATE_DONE) return doc.result.status === 'ok' ? 'ok' : 'fail';
  return doc.state === 0 || doc.state === 1 ? 'pending' : 'errored';
}

/** Runs fmin serially and returns the run as explainable data. */
export async function recordRun(options: RecordRunOptions): Promise<ExplainRun> {
  const algo = algoFromSpec(options.algo);
  const calls = new Map<number, SuggestCall>();
  const unfinished = new Set<number>();
  const recording: SuggestFn = (ids, domain, view, seed) => {
    const pending = [...unfinished].sort((a, b) => a - b);
    const nTrials = view.trials.length;
    const proposals = algo(ids, domain, view, seed);
    for (const p of proposals) {
      unfinished.add(p.tid);
      calls.set(p.tid, { seed, firstTid: ids[0] ?? p.tid, pending, nTrials });
    }
    return proposals;
  };
  const trials = new Trials();
  await runFmin({
    space: options.space,
    fn: options.fn,
    algo: recording,
    maxEvals: options.maxEvals,
    maxQueueLen: options.maxQueueLen ?? 1,
    trials,
    seed: options.seed,
    catchEvalExceptions: true,
    onTrialEnd: (doc) => unfinished.delete(doc.tid),
  });
  return decodeExplainRun({
    v: EXPLAIN_RUN_VERSION,
    space: toSpaceDocument(options.space),
    options: options.algo.options ?? {},
    trials: trials.trials.map((doc) => {
      const vals: Record<string, number> = {};
      for (const [label, list] of Object.entries(doc.misc.vals)) if (list.length > 0) vals[label] = list[0]!;
      const loss = doc.result.loss;
      return {
        tid: doc.tid,
        vals,
        outcome: outcomeOf(doc),
        ...(typeof loss === 'number' ? { loss } : {}),
        ...(calls.has(doc.tid) ? { suggest: calls.get(doc.tid) } : {}),
      };
    }),
  });
}
