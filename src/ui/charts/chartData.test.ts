import { describe, expect, it } from 'vitest';
import type { TrialRow } from '../../runtime/run/progress';
import { lossSeries, paramSeries, timeline } from './chartData';

const rows: TrialRow[] = [
  { tid: 0, status: 'ok', loss: 4, vals: { x: 2 }, slot: 0, startedAt: 0, endedAt: 10 },
  { tid: 1, status: 'failed', vals: { x: 1 }, slot: 1, startedAt: 0, endedAt: 5 },
  { tid: 2, status: 'ok', loss: 1, vals: { x: 1 }, slot: 1, startedAt: 5, endedAt: 12 },
  { tid: 3, status: 'ok', loss: 9, vals: {}, slot: 0, startedAt: 10, endedAt: 20 },
  { tid: 4, status: 'running', slot: 1, startedAt: 12 },
];

describe('chart data', () => {
  it('gives the losses, the best-so-far steps and the failed marks', () => {
    const s = lossSeries(rows);
    expect(s.ok.map((p) => [p.tid, p.best])).toEqual([
      [0, 4],
      [2, 1],
      [3, 1],
    ]);
    expect(s.best).toEqual([
      { tid: 0, best: 4 },
      { tid: 2, best: 1 },
      { tid: 3, best: 1 },
    ]);
    expect(s.marks).toEqual([{ tid: 1, loss: 9, status: 'failed' }]);
    expect(s.positive).toBe(true);
  });

  it('gives a parameter only where it was active', () => {
    expect(paramSeries(rows, 'x').map((p) => p.tid)).toEqual([0, 2]);
  });

  it('lays trials out per worker lane, running ones up to now, busy lanes flagged', () => {
    const lanes = timeline(rows, 2, 30, 0);
    expect(lanes[0]!.spans).toEqual([
      [0, 10, 'ok'],
      [10, 20, 'ok'],
    ]);
    expect(lanes[1]!.spans.at(-1)).toEqual([12, 30, 'running']);
    expect(lanes.map((l) => l.busy)).toEqual([false, true]);
    // Merged when they touch within the resolution.
    expect(timeline(rows, 2, 30, 1)[0]!.spans).toEqual([[0, 20, 'ok']]);
  });
});
