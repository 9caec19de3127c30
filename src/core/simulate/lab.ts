/**
 * The parallelism-versus-adaptivity lab: one algorithm on one objective at several parallelism
 * levels (plus random search as the baseline), each over the same seeds and the same trial
 * durations, in virtual time. Hyperopt's and Databricks' docs state the trade-off (more parallelism
 * finishes sooner, less is more adaptive; parallelism = max_evals is random search); this measures it.
 */
import { rand } from '../algorithms/rand';
import type { SuggestFn } from '../algorithms/types';
import type { BenchObjective } from '../objectives/benchmarks';
import { bestAtTimes, bestSoFar, strideIndices, timeGrid } from './curves';
import type { RunTrace } from './curves';
import { drawDurations } from './durations';
import type { DurationModel } from './durations';
import { bands, summarize } from './quantiles';
import type { BandPoint, Summary } from './quantiles';
import { simulateParallel } from './virtualPool';

export interface LabSetup {
  objective: BenchObjective;
  algo: SuggestFn;
  maxEvals: number;
  seeds: readonly number[];
  durations: DurationModel;
  /** Parallelism levels of the algorithm (distinct, each in 1..maxEvals). */
  levels: readonly number[];
  /** Also run random search, at the highest level (history-free, so P only changes its wall time). */
  randomBaseline: boolean;
}

/** One line of the lab: the algorithm at a level, or the random baseline. */
export interface LabArm {
  kind: 'algo' | 'random';
  parallelism: number;
}

/** Points per chart series: enough for a smooth curve, bounded for the chart's sake. */
export const CURVE_POINTS = 160;

/** The lab's arms: the levels in increasing order, then the baseline. */
export function labArms(setup: Pick<LabSetup, 'levels' | 'randomBaseline'>): LabArm[] {
  const levels = [...new Set(setup.levels)].sort((a, b) => a - b);
  const arms: LabArm[] = levels.map((parallelism) => ({ kind: 'algo', parallelism }));
  if (setup.randomBaseline && levels.length > 0) {
    arms.push({ kind: 'random', parallelism: levels[levels.length - 1]! });
  }
  return arms;
}

/** Runs one arm on one seed. The durations depend on the seed alone (common random numbers). */
export function runLabJob(setup: LabSetup, arm: LabArm, seed: number): RunTrace {
  const run = simulateParallel({
    algo: arm.kind === 'random' ? rand.suggest : setup.algo,
    space: setup.objective.space,
    fn: setup.objective.fn,
    parallelism: arm.parallelism,
    durations: drawDurations(setup.durations, seed, setup.maxEvals),
    nTrials: setup.maxEvals,
    seed,
  });
  return { losses: run.completionLosses, times: run.completionTimes, makespan: run.makespan };
}

/** What the lab shows for one arm. */
export interface LabArmResult extends LabArm {
  /** Best-so-far over the seeds against completed trials (x = 1..maxEvals). */
  byTrial: BandPoint[];
  /** Best-so-far over the seeds against virtual wall time. */
  byTime: BandPoint[];
  /** Best loss after every trial completed, over the seeds. */
  finalBest: Summary;
  /** Virtual time of the last completion, over the seeds. */
  makespan: Summary;
  /** The reference arm's median makespan over this arm's. */
  speedUp: number;
}

export interface LabSummary {
  arms: LabArmResult[];
  /** Index in `arms` of the speed-up reference: the lowest parallelism of the algorithm. */
  reference: number;
}

/** Median and band of the best-so-far, per completed trial. */
export function trialBands(traces: readonly RunTrace[], maxEvals: number): BandPoint[] {
  const curves = traces.map((t) => bestSoFar(t.losses));
  const picks = strideIndices(maxEvals, CURVE_POINTS);
  return bands(
    picks.map((i) => i + 1),
    curves.length,
    (r, i) => curves[r]![picks[i]!],
  );
}

/** Summarises `traces[arm][seed]` (every arm run on every seed). */
export function summarizeLab(
  arms: readonly LabArm[],
  traces: readonly (readonly RunTrace[])[],
  maxEvals: number,
): LabSummary {
  const spans = traces.map((runs) => summarize(runs.map((t) => t.makespan)));
  const reference = Math.max(
    0,
    arms.findIndex((a) => a.kind === 'algo'),
  );
  const results = arms.map((arm, a): LabArmResult => {
    const runs = traces[a]!;
    // Each arm's own grid ends where its slowest seed finished (it has nothing to say beyond), so
    // a fast arm's short curve gets as many points as the slow arm's long one.
    const armGrid = timeGrid(spans[a]!.max, CURVE_POINTS);
    const atTimes = runs.map((t) => bestAtTimes(t, armGrid));
    return {
      ...arm,
      byTrial: trialBands(runs, maxEvals),
      byTime: bands(armGrid, runs.length, (r, i) => atTimes[r]![i]),
      finalBest: summarize(runs.map((t) => Math.min(...t.losses))),
      makespan: spans[a]!,
      speedUp: spans[reference]!.median / spans[a]!.median,
    };
  });
  return { arms: results, reference };
}
