import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rand } from '../algorithms/rand';
import { hp } from '../space/hp';
import { drawDurations, durationModelProblem } from './durations';
import type { DurationModel, StragglerDurations } from './durations';
import { simulateParallel } from './virtualPool';

const stragglers = (p: number, factor = 10, spread = 0): DurationModel => ({
  kind: 'stragglers',
  base: 2,
  spread,
  stragglerProbability: p,
  stragglerFactor: factor,
});

describe('drawDurations', () => {
  it('depends on the seed alone', () => {
    const model = stragglers(0.2, 5, 0.4);
    expect(drawDurations(model, 3, 50)).toEqual(drawDurations(model, 3, 50));
    expect(drawDurations(model, 3, 50)).not.toEqual(drawDurations(model, 4, 50));
    // A longer budget extends the schedule without changing its start.
    expect(drawDurations(model, 3, 80).slice(0, 50)).toEqual(drawDurations(model, 3, 50));
  });

  it('makes stragglers with the given probability and factor', () => {
    const plain = drawDurations(stragglers(0), 1, 4000);
    expect(new Set(plain)).toEqual(new Set([2]));
    const slow = drawDurations(stragglers(0.1), 1, 4000);
    expect(new Set(slow)).toEqual(new Set([2, 20]));
    const share = slow.filter((d) => d === 20).length / slow.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.12);
    // Every trial that is a straggler at 10 % is one at 30 % too (same uniform draw per trial).
    const more = drawDurations(stragglers(0.3), 1, 4000);
    slow.forEach((d, k) => d === 20 && expect(more[k]).toBe(20));
  });

  it('spreads ordinary trials log-normally around the base', () => {
    const logs = drawDurations(stragglers(0, 10, 0.5), 2, 20_000).map((d) => Math.log(d / 2));
    const mean = logs.reduce((s, v) => s + v, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / logs.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(sd).toBeCloseTo(0.5, 1);
  });

  it('draws exponential durations with the given mean', () => {
    const d = drawDurations({ kind: 'exponential', mean: 3 }, 0, 20_000);
    expect(d.every((x) => x > 0)).toBe(true);
    expect(d.reduce((s, v) => s + v, 0) / d.length).toBeCloseTo(3, 0);
  });

  it('refuses a bad model with a sentence', () => {
    expect(durationModelProblem(stragglers(1.5))).toMatch(/probability/);
    expect(durationModelProblem(stragglers(0.1, 0.5))).toMatch(/factor/);
    expect(durationModelProblem({ ...(stragglers(0.1) as StragglerDurations), base: 0 })).toMatch(/base/);
    expect(durationModelProblem({ kind: 'exponential', mean: Number.NaN })).toMatch(/mean/);
    expect(() => drawDurations({ kind: 'exponential', mean: -1 }, 0, 3)).toThrow(RangeError);
  });

  it('gives makespans close to parallel.md’s with its exponential model (our generator, seeds 0..19)', () => {
    // parallel.md's medians come from numpy's draws (reproduced exactly in virtualPool.test.ts from
    // the recorded durations); our generator's own draws must land near them: 100 Exp(1) trials take
    // about 100 at P = 1 and about 100 / 16 plus a straggler tail at P = 16.
    const url = new URL('../__reference__/parallel-durations.json', import.meta.url);
    const { durations } = JSON.parse(readFileSync(url, 'utf8')) as { durations: Record<string, number[]> };
    const space = [hp.uniform('x', 0, 1)];
    const median = (durationsOf: (seed: number) => number[], parallelism: number) => {
      const spans = Array.from(
        { length: 20 },
        (_, seed) =>
          simulateParallel({
            algo: rand.suggest,
            space,
            fn: () => 0,
            parallelism,
            durations: durationsOf(seed),
            seed,
          }).makespan,
      ).sort((a, b) => a - b);
      return (spans[9]! + spans[10]!) / 2;
    };
    for (const parallelism of [1, 4, 16]) {
      const ours = median((seed) => drawDurations({ kind: 'exponential', mean: 1 }, seed, 100), parallelism);
      const theirs = median((seed) => durations[String(seed)]!, parallelism);
      expect(Math.abs(ours / theirs - 1)).toBeLessThan(0.15);
    }
  });
});
