import { describe, expect, it } from 'vitest';
import { logTicks } from './logTicks';

describe('logTicks', () => {
  it('spans the data with powers of ten', () => {
    expect(logTicks(0.00085, 1.9)).toEqual({ domain: [1e-4, 10], ticks: [1e-4, 1e-3, 1e-2, 0.1, 1, 10] });
    expect(logTicks(2, 3)).toEqual({ domain: [1, 10], ticks: [1, 10] });
  });

  it('thins the ticks of a wide span', () => {
    const { ticks, domain } = logTicks(1e-9, 100);
    expect(domain).toEqual([1e-9, 100]);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks[0]).toBe(1e-9);
  });
});
