/**
 * The benchmark objectives of shared/reference/objectives.py as spaces plus deterministic loss
 * functions: what the benchmarks and the Learn view's simulated labs optimise (evaluated instantly,
 * so many seeded runs fit in seconds).
 */
import { hp } from '../space/hp';
import type { SpaceNode } from '../space/types';
import { ackley, branin, conditionalLoss, hartmann6, rosenbrock } from './functions';

export interface BenchObjective {
  /** objectives.py's name. */
  name: string;
  /** A sentence for pickers: dimensions and what makes it hard. */
  description: string;
  knownMin: number;
  space: SpaceNode;
  /** Loss of a configuration (the space evaluated by `spaceEval`). */
  fn: (config: unknown) => number;
}

function box(
  name: string,
  description: string,
  lows: number[],
  highs: number[],
  f: (x: number[]) => number,
  knownMin: number,
): BenchObjective {
  // objectives.py names branin's variables x1, x2 and the others x0, x1, …
  const labels = lows.map((_, i) => (name === 'branin' ? `x${i + 1}` : `x${i}`));
  return {
    name,
    description,
    knownMin,
    space: labels.map((label, i) => hp.uniform(label, lows[i]!, highs[i]!)),
    fn: (config) => f(config as number[]),
  };
}

const repeat = (value: number, n: number): number[] => Array.from({ length: n }, () => value);

/** objectives.py's OBJECTIVES, in its order. */
export const BENCH_OBJECTIVES: readonly BenchObjective[] = [
  box('branin', '2-D, three equal minima', [-5, 0], [10, 15], (x) => branin(x[0]!, x[1]!), 0.397887),
  box('hartmann6', '6-D, one narrow global minimum', repeat(0, 6), repeat(1, 6), hartmann6, -3.32237),
  box('rosenbrock5', '5-D, a long curved valley', repeat(-5, 5), repeat(10, 5), rosenbrock, 0),
  box('ackley5', '5-D, many local minima', repeat(-32.768, 5), repeat(32.768, 5), ackley, 0),
  {
    name: 'conditional',
    description: 'a choice between two branches with their own parameters',
    knownMin: 0,
    space: hp.choice('kind', [
      { kind: 'a', x: hp.uniform('x', -5, 5) },
      { kind: 'b', y: hp.loguniform('y', Math.log(1e-3), Math.log(1e3)), n: hp.quniform('n', 1, 20, 1) },
    ]),
    fn: (config) => conditionalLoss(config as Parameters<typeof conditionalLoss>[0]),
  },
];

/** The objective of that name, or undefined. */
export function benchObjective(name: string): BenchObjective | undefined {
  return BENCH_OBJECTIVES.find((o) => o.name === name);
}
