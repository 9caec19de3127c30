import { describe, expect, it } from 'vitest';
import { pedAnova } from '../../../core/analysis';
import { createRng } from '../../../core/random';
import type { TrialPoint } from './comparedRuns';
import { computeImportance } from './importance';
import { runSliced } from './nextTask';
import type { ParamAxis } from './paramAxes';

const AXES: ParamAxis[] = [
  {
    key: 'x',
    kind: 'numeric',
    log: false,
    min: -5,
    max: 5,
    options: [],
    domain: { kind: 'numeric', low: -5, high: 5 },
  },
  {
    key: 'lr',
    kind: 'numeric',
    log: true,
    min: 1e-4,
    max: 1,
    options: [],
    domain: { kind: 'numeric', low: 1e-4, high: 1, log: true },
  },
  {
    key: 'opt',
    kind: 'categorical',
    log: false,
    min: 0,
    max: 2,
    options: ['a', 'b', 'c'],
    domain: { kind: 'categorical', size: 3 },
  },
];

function points(n: number, runs: number, seed: number): (TrialPoint & { loss: number })[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, tid) => {
    const x = rng.random() * 10 - 5;
    const lr = Math.exp(Math.log(1e-4) * rng.random());
    const opt = Math.floor(rng.random() * 3);
    // lr is inactive for option 2: a conditional parameter.
    const vals: Record<string, number> = opt === 2 ? { x, opt } : { x, lr, opt };
    const runIndex = tid % runs;
    return { runIndex, tid, loss: (x - runIndex) ** 2 + opt, vals, endMs: tid };
  });
}

describe('computeImportance', () => {
  it('gives exactly pedAnova pooled and per run', async () => {
    const pts = points(600, 3, 7);
    const domains = Object.fromEntries(AXES.map((a) => [a.key, a.domain]));
    const result = await computeImportance(AXES, pts, 3, () => false);
    expect(result?.pooled).toEqual(pedAnova(pts, domains));
    for (let r = 0; r < 3; r++) {
      const alone = pedAnova(
        pts.filter((p) => p.runIndex === r),
        domains,
      );
      expect([...result!.perRun[r]!.values()]).toEqual(alone);
    }
  });

  it('stops when cancelled', async () => {
    let calls = 0;
    const result = await computeImportance(AXES, points(50, 2, 1), 2, () => ++calls > 2);
    expect(result).toBeUndefined();
  });
});

describe('runSliced', () => {
  it('runs every step in order, yielding between slices', async () => {
    const order: number[] = [];
    const steps = Array.from({ length: 20 }, (_, i) => () => order.push(i));
    expect(await runSliced(steps, () => false, 0)).toBe(true);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
