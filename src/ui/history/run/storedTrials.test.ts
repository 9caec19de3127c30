import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAG_END_REASON } from '../../../tracking';
import type { Run, TrialRecord } from '../../../tracking';
import { runFixture } from '../../../tracking/runFixture';
import { storedTrials } from './storedTrials';

const T0 = 1_700_000_000_000;

function run(over: Partial<Run> = {}): Run {
  return runFixture('p', {
    name: 'fmin',
    startTime: T0,
    endTime: T0 + 10_000,
    params: { max_evals: '5', parallelism: 'None', actual_parallelism: '2', algo: 'hyperopt.tpe' },
    ...over,
  });
}

function child(
  tid: number,
  start: number,
  end: number | null,
  trial: Partial<TrialRecord> = {},
  over: Partial<Run> = {},
) {
  const outcome = trial.outcome ?? 'ok';
  return run({
    id: `c${tid}`,
    name: `trial ${tid}`,
    parentRunId: 'p',
    params: {},
    startTime: T0 + start,
    endTime: end === null ? null : T0 + end,
    status: end === null ? 'RUNNING' : outcome === 'ok' ? 'FINISHED' : 'FAILED',
    trial: {
      tid,
      vals: { x: tid / 10 },
      outcome,
      loss: outcome === 'ok' ? 10 - tid : null,
      durationMs: end === null ? null : end - start,
      error: null,
      result: null,
      ...trial,
    },
    ...over,
  });
}

describe('storedTrials: stored child runs as the live view rows', () => {
  it('maps outcomes, counts, the best trial and the settings of the parent', () => {
    const children = [
      child(2, 200, 900, { outcome: 'failed', error: { type: 'TypeError', message: 'boom' } }),
      child(
        0,
        0,
        500,
        {},
        {
          metrics: { loss: { value: 10, step: 0, timestamp: 0 }, acc: { value: 0.5, step: 3, timestamp: 1 } },
        },
      ),
      child(1, 100, 700, { loss: 3 }),
      child(3, 600, null, { outcome: 'running', vals: {}, loss: null }),
      child(
        4,
        700,
        800,
        { outcome: 'running', vals: {}, loss: null },
        { status: 'KILLED', tags: { [TAG_END_REASON]: 'interrupted' } },
      ),
    ];
    const { view, labels, childIdByTid, otherChildren } = storedTrials(
      run({ status: 'RUNNING', endTime: null }),
      children,
      T0 + 1_000,
    );
    expect(view.rows.map((r) => [r.tid, r.status])).toEqual([
      [0, 'ok'],
      [1, 'ok'],
      [2, 'failed'],
      [3, 'running'],
      [4, 'cancelled'],
    ]);
    expect(view.rows[2]!.error).toEqual({ type: 'TypeError', message: 'boom' });
    expect(view.rows[4]!.error).toEqual({ type: 'Cancelled', message: 'interrupted' });
    // The loss has its own column: the details carry the other metrics only.
    expect(view.rows[0]!.run!.metrics).toEqual([{ key: 'acc', value: 0.5, step: 3, timestamp: 1 }]);
    expect(view.rows[1]).toMatchObject({ loss: 3, durationMs: 600, startedAt: 100, endedAt: 700 });
    expect(view).toMatchObject({
      phase: 'running',
      maxEvals: 5,
      algo: 'hyperopt.tpe',
      running: 1,
      finished: 4,
      best: { tid: 1, loss: 3 },
      startedAt: T0,
    });
    // Three overlap, but the run had two workers: the lanes stay two.
    expect(view.parallelism).toMatchObject({ requested: undefined, actual: 2 });
    expect(labels).toEqual(['x']);
    expect(childIdByTid.get(2)).toBe('c2');
    expect(otherChildren).toEqual([]);
  });

  it('keeps children without a trial apart and one row per tid (the later run)', () => {
    const manual = run({ id: 'm', parentRunId: 'p', trial: null });
    const older = child(0, 0, 100);
    const newer = { ...child(0, 500, 600), id: 'again' };
    const { view, childIdByTid, otherChildren, elapsedMs } = storedTrials(
      run(),
      [newer, manual, older],
      T0 + 99_999,
    );
    expect(view.rows).toHaveLength(1);
    expect(childIdByTid.get(0)).toBe('again');
    expect(otherChildren).toEqual([manual]);
    expect(view.phase).toBe('ended');
    // An ended parent: elapsed time is its own duration, whatever the clock says now.
    expect(elapsedMs).toBe(10_000);
  });

  it("a resumed run's max evals comes from its tag", () => {
    const { view } = storedTrials(run({ tags: { 'playground.maxEvals': '40' } }), [], T0);
    expect(view.maxEvals).toBe(40);
  });

  it('an empty parent has no rows and one lane', () => {
    const { view, labels } = storedTrials(run({ params: {} }), [], T0);
    expect(view.rows).toEqual([]);
    expect(labels).toEqual([]);
    expect(view.maxEvals).toBe(0);
    expect(view.parallelism?.actual).toBe(1);
  });

  it('rebuilt lanes never overlap, and use as many lanes as trials ever ran at once', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 1, max: 300 }));
    fc.assert(
      fc.property(fc.array(interval, { minLength: 1, maxLength: 60 }), (spans) => {
        const children = spans.map(([start, length], tid) => child(tid, start, start + length));
        const { view } = storedTrials(run({ params: {} }), children, T0);
        const byLane = new Map<number, [number, number][]>();
        for (const row of view.rows) {
          const list = byLane.get(row.slot!) ?? [];
          list.push([row.startedAt!, row.endedAt!]);
          byLane.set(row.slot!, list);
        }
        for (const list of byLane.values()) {
          list.sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < list.length; i++) expect(list[i]![0]).toBeGreaterThanOrEqual(list[i - 1]![1]);
        }
        const events = spans.flatMap(([s, l]) => [
          [s, 1],
          [s + l, -1],
        ]);
        // Ends before starts at the same instant: a lane freed at t takes a trial starting at t.
        events.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
        let now = 0;
        let most = 0;
        for (const [, d] of events) most = Math.max(most, (now += d!));
        expect(byLane.size).toBe(most);
        expect(view.parallelism!.actual).toBe(most);
      }),
    );
  });

  it("never draws more lanes than the run's parallelism, even from overlapping (coarse) times", () => {
    const children = [0, 1, 2, 3, 4].map((tid) => child(tid, 100, 400));
    const { view } = storedTrials(run(), children, T0);
    expect(view.parallelism!.actual).toBe(2);
    expect(new Set(view.rows.map((r) => r.slot))).toEqual(new Set([0, 1]));
  });

  it('handles 10,000 children quickly', () => {
    const children = Array.from({ length: 10_000 }, (_, tid) => child(tid, tid * 10, tid * 10 + 25));
    const started = performance.now();
    const { view } = storedTrials(run({ params: {} }), children, T0);
    const ms = performance.now() - started;
    expect(view.rows).toHaveLength(10_000);
    expect(view.parallelism!.actual).toBe(3);
    expect(ms).toBeLessThan(1_000);
  });
});
