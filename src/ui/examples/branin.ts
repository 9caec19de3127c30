import type { Example } from './types';

/** Branin: the classic 2-D benchmark with three global minima. */
export const branin: Example = {
  id: 'branin',
  title: 'Branin',
  summary: 'A 2-D benchmark with three equally good minima (0.397887): see TPE find more than one.',
  space: `import { hp } from 'hyperopt';

// Branin's usual domain: x1 in [-5, 10], x2 in [0, 15].
export default {
  x1: hp.uniform('x1', -5, 10),
  x2: hp.uniform('x2', 0, 15),
};
`,
  objective: `// Branin-Hoo: minimum 0.397887 at (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475).
type Params = { x1: number; x2: number };

export default function objective({ x1, x2 }: Params): number {
  const a = 1;
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const r = 6;
  const s = 10;
  const t = 1 / (8 * Math.PI);
  return a * (x2 - b * x1 ** 2 + c * x1 - r) ** 2 + s * (1 - t) * Math.cos(x1) + s;
}
`,
  settings: { maxEvals: '100', seed: '1' },
};
