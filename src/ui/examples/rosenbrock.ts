import type { Example } from './types';

/** Rosenbrock: a curved valley where the minimum is easy to find and hard to reach. */
export const rosenbrock: Example = {
  id: 'rosenbrock',
  title: 'Rosenbrock',
  summary: 'A long curved valley: losses span orders of magnitude, so try the log scale.',
  space: `import { hp } from 'hyperopt';

export default {
  x: hp.uniform('x', -2, 2),
  y: hp.uniform('y', -1, 3),
};
`,
  objective: `// Rosenbrock's banana: minimum 0 at (1, 1), at the end of a flat curved valley.
type Params = { x: number; y: number };
type Run = { logMetric(key: string, value: number): void };

export default function objective({ x, y }: Params, run: Run): number {
  const loss = (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  // Distance to the optimum, to compare with the loss in the trial detail.
  run.logMetric('distance_to_optimum', Math.hypot(x - 1, y - 1));
  return loss;
}
`,
  settings: { maxEvals: '150', seed: '2' },
};
