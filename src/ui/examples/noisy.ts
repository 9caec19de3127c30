import type { Example } from './types';

/** A noisy objective: the same point gives different losses. */
export const noisy: Example = {
  id: 'noisy',
  title: 'Noisy objective',
  summary: 'Each evaluation adds noise: the best loss is partly luck, and TPE still finds the region.',
  space: `import { hp } from 'hyperopt';

export default {
  x: hp.uniform('x', -5, 5),
  // An integer knob: quniform keeps the values on a grid.
  steps: hp.quniform('steps', 1, 20, 1),
};
`,
  objective: `// The true loss is (x - 1)^2; each evaluation averages \`steps\` noisy measurements,
// so more steps means less noise (and, in real life, more cost).
type Params = { x: number; steps: number };
type Run = { logMetric(key: string, value: number, step?: number): void };

export default function objective({ x, steps }: Params, run: Run): number {
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const measurement = (x - 1) ** 2 + (Math.random() - 0.5) * 4;
    sum += measurement;
    // Logged with steps: the trial detail draws it as a curve.
    run.logMetric('running_mean', sum / (i + 1), i);
  }
  return sum / steps + 0.02 * steps;
}
`,
  settings: { maxEvals: '80' },
};
