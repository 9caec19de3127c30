import type { Example } from './types';

/** The example the app opens with: TPE finding the bottom of a parabola. */
export const quadratic: Example = {
  id: 'quadratic',
  title: '1-D quadratic',
  summary: 'Minimise (x − 3)²: watch TPE concentrate its samples around x = 3.',
  space: `// The search space: a module that default-exports it, written with hp.* as in
// Python's \`from hyperopt import hp\`. It is evaluated in the sandbox; the view
// beside the code shows each parameter's prior.
import { hp } from 'hyperopt';

export default {
  // One real number, uniformly distributed on [-10, 10].
  x: hp.uniform('x', -10, 10),
};
`,
  objective: `// fmin minimises what this function returns: a loss, or {status: 'ok', loss}.
// \`params\` is one point of the search space ({x}); \`run\` records into this
// trial's child run: run.logMetric(key, value, step?), run.logParam, run.setTag,
// run.logArtifact(name, text). It runs in a sandboxed worker, never on the page.
type Params = { x: number };
type Run = { logMetric(key: string, value: number, step?: number): void };

export default function objective(params: Params, run: Run): number {
  const loss = (params.x - 3) ** 2;
  run.logMetric('distance', Math.abs(params.x - 3));
  return loss;
}
`,
  settings: { algo: 'tpe', maxEvals: '50' },
};
