/**
 * The algorithm race: several algorithms on the same objective and seeds, one trial at a time (so
 * each sees every earlier result, as in a serial fmin), compared by their final losses.
 */
import type { SuggestFn } from '../algorithms/types';
import type { BenchObjective } from '../objectives/benchmarks';
import type { RunTrace } from './curves';
import { trialBands } from './lab';
import { summarize } from './quantiles';
import type { BandPoint, Summary } from './quantiles';
import { edf, rankSummaries } from './raceStats';
import type { EdfPoint } from './raceStats';
import { simulateParallel } from './virtualPool';

export interface RaceSetup {
  objective: BenchObjective;
  maxEvals: number;
  seeds: readonly number[];
}

/** One serial run: with P = 1 the virtual pool is fmin's serial loop, trial for trial. */
export function runRaceJob(setup: RaceSetup, algo: SuggestFn, seed: number): RunTrace {
  const run = simulateParallel({
    algo,
    space: setup.objective.space,
    fn: setup.objective.fn,
    parallelism: 1,
    durations: new Array<number>(setup.maxEvals).fill(1),
    seed,
  });
  return { losses: run.completionLosses, times: run.completionTimes, makespan: run.makespan };
}

/** What the race shows for one competitor. */
export interface RaceEntry {
  /** Final best loss per seed, in the order of the setup's seeds. */
  finals: number[];
  final: Summary;
  edf: EdfPoint[];
  byTrial: BandPoint[];
  /** Mean over seeds of its rank among the competitors (1 = best; ties share). */
  meanRank: number;
  wins: number;
}

/** Summarises `traces[competitor][seed]`. */
export function summarizeRace(traces: readonly (readonly RunTrace[])[], maxEvals: number): RaceEntry[] {
  const finals = traces.map((runs) => runs.map((t) => Math.min(...t.losses)));
  const ranks = rankSummaries(finals);
  return traces.map((runs, c) => ({
    finals: finals[c]!,
    final: summarize(finals[c]!),
    edf: edf(finals[c]!),
    byTrial: trialBands(runs, maxEvals),
    meanRank: ranks[c]!.meanRank,
    wins: ranks[c]!.wins,
  }));
}
