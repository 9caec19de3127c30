// Runs of the parallel protocol over methods × objectives × P × seeds, for the parallel suite.
import { readFileSync } from 'node:fs';
import { compileSpace } from '../src/core/index';
import type { SuggestFn } from '../src/core/index';
import { OBJECTIVES } from './objectives';
import type { BenchObjective } from './objectives';
import { PARALLELISM } from './parallelReference';
import type { Parallelism } from './parallelReference';
import { bestAfter, drawDurations, simulateParallel } from '../src/core/simulate/index';
import type { ParallelSimResult } from '../src/core/simulate/index';

/** A method of the suite: a name for the tables and the algorithm. */
export interface Method {
  name: string;
  algo: SuggestFn;
}

/** The objectives of parallel.md. */
export const OBJECTIVE_NAMES = ['branin', 'hartmann6'];

/** What one (method, objective, P) cell collected over the seeds. */
export interface Cell {
  /** Best loss at 100 completions, per seed. */
  best: number[];
  /** Per submission after the startup phase (k ≥ 20) with trials in flight: the nearest gap to them. */
  gaps: number[];
}

export interface Runs {
  /** `${method}|${objective}|${P}` → cell. */
  cells: Map<string, Cell>;
  makespans: Map<Parallelism, number[]>;
}

const reference = JSON.parse(
  readFileSync(new URL('../src/core/__reference__/parallel-durations.json', import.meta.url), 'utf8'),
) as { durations: Record<string, number[]> };

/** parallel.md's recorded durations for seeds 0..19; Exponential(1) from our generator beyond. */
export function durationsFor(seed: number): number[] {
  const recorded = reference.durations[String(seed)];
  if (recorded !== undefined) return recorded;
  return drawDurations({ kind: 'exponential', mean: 1 }, seed, 100);
}

/**
 * RMS distance, in units of each parameter's range, from every submission k ≥ 20 to the nearest
 * trial in flight at that moment (0: a duplicate; about 0.4 for two uniform points).
 */
function inFlightGaps(run: ParallelSimResult, objective: BenchObjective): number[] {
  const params = compileSpace(objective.space).params;
  const range = params.map((p) => {
    const expr = p.expr as { low?: number; high?: number };
    return (expr.high ?? 1) - (expr.low ?? 0);
  });
  const gaps: number[] = [];
  for (const trial of run.trials) {
    if (trial.k < 20 || trial.inFlight.length === 0) continue;
    let nearest = Infinity;
    for (const j of trial.inFlight) {
      const other = run.trials[j]!;
      let sum = 0;
      params.forEach((p, i) => (sum += ((trial.vals[p.label]! - other.vals[p.label]!) / range[i]!) ** 2));
      nearest = Math.min(nearest, Math.sqrt(sum / params.length));
    }
    gaps.push(nearest);
  }
  return gaps;
}

/** Simulates every method on every objective, P and seed. */
export function runAll(methods: Method[], seeds: number[]): Runs {
  const cells: Runs['cells'] = new Map();
  const makespans: Runs['makespans'] = new Map();
  for (const { name: method, algo } of methods) {
    for (const name of OBJECTIVE_NAMES) {
      const objective = OBJECTIVES.find((o) => o.name === name)!;
      for (const parallelism of PARALLELISM) {
        const cell: Cell = { best: [], gaps: [] };
        const spans: number[] = [];
        for (const seed of seeds) {
          const durations = durationsFor(seed);
          const run = simulateParallel({ ...objective, algo, parallelism, durations, seed });
          cell.best.push(bestAfter(run, 100));
          cell.gaps.push(...inFlightGaps(run, objective));
          spans.push(run.makespan);
        }
        cells.set(`${method}|${name}|${parallelism}`, cell);
        if (!makespans.has(parallelism)) makespans.set(parallelism, spans);
      }
    }
  }
  return { cells, makespans };
}

/** The cell of one method, objective and P. */
export const cellOf = (runs: Runs, method: string, objective: string, p: Parallelism): Cell =>
  runs.cells.get(`${method}|${objective}|${p}`)!;

/** Best losses per seed of one method, objective and P. */
export const bestOf = (runs: Runs, method: string, objective: string, p: Parallelism): number[] =>
  cellOf(runs, method, objective, p).best;
