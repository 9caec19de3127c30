import type { Example } from './types';

/** An objective that sometimes fails, the two ways Hyperopt knows. */
export const failing: Example = {
  id: 'failing',
  title: 'Sometimes fails',
  summary:
    "Returns {status: 'fail'} (STATUS_FAIL) or throws for some points: failed trials are marked, the search goes on.",
  space: `import { hp } from 'hyperopt';

export default {
  x: hp.uniform('x', -4, 4),
  solver: hp.choice('solver', ['stable', 'fragile']),
};
`,
  objective: `import { STATUS_OK, STATUS_FAIL } from 'hyperopt';

type Params = { x: number; solver: 'stable' | 'fragile' };
type Run = { setTag(key: string, value: unknown): void };

export default function objective({ x, solver }: Params, run: Run) {
  run.setTag('solver', solver);
  // Hyperopt's way to say "this point is invalid": status 'fail' (no loss needed).
  if (solver === 'fragile' && Math.abs(x) > 2) return { status: STATUS_FAIL, reason: 'diverged' };
  // An exception also fails the trial; its message and line show in the trials table.
  if (x > 3.5) throw new RangeError(\`x = \${x.toFixed(2)} is outside the model's range\`);
  return { status: STATUS_OK, loss: (x - 0.5) ** 2 + (solver === 'stable' ? 0.1 : 0) };
}
`,
  settings: { maxEvals: '60' },
};
