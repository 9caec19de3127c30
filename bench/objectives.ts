// The benchmark objectives of ../shared/reference/objectives.py, transcribed so that our runs see
// exactly the spaces and functions Hyperopt and Optuna saw. All are minimised.
import { hp } from '../src/core/index';
import type { SpaceNode } from '../src/core/index';

export function branin(x1: number, x2: number): number {
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
}

const H6_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const H6_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((v) => v * 1e-4));
const H6_ALPHA = [1.0, 1.2, 3.0, 3.2];

export function hartmann6(x: number[]): number {
  let total = 0;
  for (let i = 0; i < 4; i++) {
    let inner = 0;
    for (let j = 0; j < 6; j++) inner += H6_A[i]![j]! * (x[j]! - H6_P[i]![j]!) ** 2;
    total += H6_ALPHA[i]! * Math.exp(-inner);
  }
  return -total;
}

export function rosenbrock(x: number[]): number {
  let total = 0;
  for (let i = 0; i + 1 < x.length; i++) total += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
  return total;
}

export function ackley(x: number[]): number {
  const d = x.length;
  const s1 = x.reduce((sum, v) => sum + v * v, 0) / d;
  const s2 = x.reduce((sum, v) => sum + Math.cos(2 * Math.PI * v), 0) / d;
  return -20 * Math.exp(-0.2 * Math.sqrt(s1)) - Math.exp(s2) + 20 + Math.E;
}

export interface BenchObjective {
  name: string;
  knownMin: number;
  space: SpaceNode;
  fn: (config: unknown) => number;
}

function box(
  name: string,
  dims: number,
  low: number,
  high: number,
  f: (x: number[]) => number,
  knownMin: number,
  lows?: number[],
  highs?: number[],
): BenchObjective {
  const labels = Array.from({ length: dims }, (_, i) => (name === 'branin' ? `x${i + 1}` : `x${i}`));
  return {
    name,
    knownMin,
    space: labels.map((label, i) => hp.uniform(label, lows?.[i] ?? low, highs?.[i] ?? high)),
    fn: (config) => f(config as number[]),
  };
}

interface ConditionalConfig {
  kind: 'a' | 'b';
  x?: number;
  y?: number;
  n?: number;
}

export const OBJECTIVES: BenchObjective[] = [
  box('branin', 2, 0, 0, (x) => branin(x[0]!, x[1]!), 0.397887, [-5, 0], [10, 15]),
  box('hartmann6', 6, 0, 1, hartmann6, -3.32237),
  box('rosenbrock5', 5, -5, 10, rosenbrock, 0),
  box('ackley5', 5, -32.768, 32.768, ackley, 0),
  {
    name: 'conditional',
    knownMin: 0,
    space: hp.choice('kind', [
      { kind: 'a', x: hp.uniform('x', -5, 5) },
      { kind: 'b', y: hp.loguniform('y', Math.log(1e-3), Math.log(1e3)), n: hp.quniform('n', 1, 20, 1) },
    ]),
    fn: (config) => {
      const c = config as ConditionalConfig;
      if (c.kind === 'a') return (c.x! - 1) ** 2 + 0.5;
      return (Math.log10(c.y!) - 1) ** 2 + ((c.n! - 7) / 10) ** 2;
    },
  },
];
