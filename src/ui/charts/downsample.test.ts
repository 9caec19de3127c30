import { describe, expect, it } from 'vitest';
import { minMaxBuckets } from './downsample';

describe('minMaxBuckets', () => {
  it('keeps short series whole', () => {
    expect(minMaxBuckets([3, 1, 2], (v) => v, 10)).toEqual([3, 1, 2]);
  });

  it('bounds long series and keeps every bucket extreme, in order', () => {
    const ys = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50) + (i === 7_777 ? -10 : 0));
    const points = ys.map((y, x) => ({ x, y }));
    const out = minMaxBuckets(points, (p) => p.y, 600);
    expect(out.length).toBeLessThanOrEqual(600);
    expect(out.some((p) => p.x === 7_777)).toBe(true);
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });
});
