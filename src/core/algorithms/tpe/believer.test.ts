import { describe, expect, it } from 'vitest';
import { hp } from '../../space/hp';
import { compileSpace } from '../../space/validate';
import { believedLosses } from './believer';
import { applyLiar, rankAfter } from './liar';
import { readHistory } from './split';
import { docsFromHistory } from '../testSupport';
import type { HistoryRecord } from '../testSupport';

const ok = (tid: number, vals: Record<string, number>, loss: number): HistoryRecord => ({
  tid,
  vals,
  status: 'ok',
  loss,
});
const running = (tid: number, vals: Record<string, number>): HistoryRecord => ({
  tid,
  vals,
  status: 'running',
  loss: null,
});

describe("liar 'believer' (nearest finished trial's loss)", () => {
  it('copies the loss of the nearest finished trial', () => {
    const space = compileSpace([hp.uniform('x', 0, 1)]);
    const records = [
      ok(0, { x: 0.1 }, 3),
      running(1, { x: 0.28 }),
      ok(2, { x: 0.3 }, 1),
      ok(3, { x: 0.9 }, 8),
    ];
    records.push(running(4, { x: 0.7 }));
    const history = readHistory(docsFromHistory(space, records));
    const lied = applyLiar(history, 'believer', space);
    expect([...lied.history.losses]).toEqual([3, rankAfter(1), 1, 8, rankAfter(8)]);
    expect(lied.splitSize).toBe(3);
  });

  it('measures log-scale parameters in log space when given the space', () => {
    const space = compileSpace([hp.loguniform('lr', Math.log(1e-4), Math.log(1))]);
    const records = [ok(0, { lr: 1e-3 }, 1), ok(1, { lr: 0.5 }, 5), running(2, { lr: 0.05 })];
    const history = readHistory(docsFromHistory(space, records));
    // In log space 0.05 is nearer 0.5 (a factor 10) than 0.001 (a factor 50); in plain values, 0.001.
    expect([...believedLosses(history, [2], [0, 1], space)]).toEqual([5]);
    expect([...believedLosses(history, [2], [0, 1])]).toEqual([1]);
  });

  it('compares choices by option and counts a label active on one side only as a full unit', () => {
    const space = compileSpace(hp.choice('c', [{ x: hp.uniform('x', 0, 1) }, { y: hp.uniform('y', 0, 1) }]));
    const records = [ok(0, { c: 0, x: 0.5 }, 2), ok(1, { c: 1, y: 0.5 }, 7), running(2, { c: 1, y: 0.9 })];
    const history = readHistory(docsFromHistory(space, records));
    // To trial 0: other option (1) + x active there only (1) = 2; to trial 1: (0.4 / 0.4)² = 1.
    expect([...believedLosses(history, [2], [0, 1], space)]).toEqual([7]);
  });
});
