import { describe, expect, it } from 'vitest';
import { MAX_PARALLELISM, resolveParallelism } from './parallelism';

describe('resolveParallelism', () => {
  it('defaults unset or non-positive values to the logical cores, with a warning', () => {
    for (const requested of [undefined, 0, -3]) {
      const r = resolveParallelism(requested, 8);
      expect(r.actual).toBe(8);
      expect(r.requested).toBe(requested);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatch(/defaults to this machine's 8 logical cores/);
    }
    expect(resolveParallelism(undefined, 0).actual).toBe(1);
  });

  it('caps at 128 with a warning and reports both values', () => {
    const r = resolveParallelism(500, 4);
    expect(r).toMatchObject({ requested: 500, actual: MAX_PARALLELISM, sharesCores: true });
    expect(r.warnings).toEqual(['Parallelism 500 is above the maximum of 128; using 128.']);
  });

  it('runs above the core count, noting that trials share cores', () => {
    expect(resolveParallelism(6, 2)).toMatchObject({ actual: 6, warnings: [], sharesCores: true });
    expect(resolveParallelism(2, 2)).toMatchObject({ actual: 2, warnings: [], sharesCores: false });
  });

  it('rounds a fractional value down, with a warning', () => {
    expect(resolveParallelism(2.7, 4)).toMatchObject({
      actual: 2,
      warnings: ['Parallelism 2.7 is not a whole number; using 2.'],
    });
  });
});
