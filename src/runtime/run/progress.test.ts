import { describe, expect, it, vi } from 'vitest';
import { EventBatcher } from './eventBatcher';
import type { RunEvent } from './events';
import { decodeRunEventBatch } from './events';
import { ProgressModel } from './progress';

describe('EventBatcher', () => {
  it('delivers many events as one batch per interval, and the run end at once', () => {
    vi.useFakeTimers();
    const batches: RunEvent[][] = [];
    const batcher = new EventBatcher({ intervalMs: 33, deliver: (events) => batches.push(events) });
    for (let tid = 0; tid < 10_000; tid++) batcher.push({ type: 'trialQueued', tid });
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(33);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(10_000);
    batcher.push({ type: 'trialQueued', tid: 1 });
    batcher.push({
      type: 'runEnded',
      stopReason: 'maxEvals',
      summary: { total: 1, succeeded: 1, failed: 0, cancelled: 0 },
      elapsedMs: 5,
    });
    expect(batches).toHaveLength(2);
    expect(batches[1]).toHaveLength(2);
    vi.advanceTimersByTime(100);
    expect(batches).toHaveLength(2);
    vi.useRealTimers();
  });
});

describe('ProgressModel', () => {
  it('counts running and finished trials, keeps rows in tid order and the best loss', () => {
    const model = new ProgressModel(1, 3);
    model.apply([
      { type: 'trialQueued', tid: 0 },
      { type: 'trialQueued', tid: 1 },
      { type: 'trialStarted', tid: 0, at: 1, slot: 0 },
      { type: 'trialStarted', tid: 1, at: 1, slot: 1 },
    ]);
    expect(model.snapshot.running).toBe(2);
    const view = model.apply([
      { type: 'trialEnded', tid: 1, at: 4, outcome: 'ok', loss: 0.5, durationMs: 3, vals: { x: 1 } },
      { type: 'bestSoFar', tid: 1, loss: 0.5 },
      {
        type: 'trialEnded',
        tid: 0,
        at: 3,
        outcome: 'failed',
        durationMs: 2,
        vals: { x: 2 },
        error: { type: 'Error', message: 'boom', line: 4 },
      },
    ]);
    expect(view.running).toBe(0);
    expect(view.finished).toBe(2);
    expect(view.best).toEqual({ tid: 1, loss: 0.5 });
    expect(view.rows.map((r) => [r.tid, r.status])).toEqual([
      [0, 'failed'],
      [1, 'ok'],
    ]);
    expect(view.rows[0]!.error?.line).toBe(4);
    // The pool's timeline: each trial keeps its lane and its start and end times.
    expect(view.rows[1]).toMatchObject({ slot: 1, startedAt: 1, endedAt: 4 });
  });
});

describe('decodeRunEventBatch', () => {
  it('accepts a well-formed batch and ignores anything else', () => {
    expect(decodeRunEventBatch({ v: 3, runId: 2, events: [{ type: 'trialQueued', tid: 0 }] })?.runId).toBe(2);
    expect(decodeRunEventBatch({ v: 1, runId: 2, events: [] })).toBeUndefined();
    expect(decodeRunEventBatch({ v: 2, runId: 2, events: [] })).toBeUndefined();
    expect(decodeRunEventBatch({ v: 3, runId: 2, events: [null] })).toBeUndefined();
  });

  it('checks the timeline fields of versions 2 and 3', () => {
    const batch = (event: object) => ({ v: 3, runId: 1, events: [event] });
    expect(decodeRunEventBatch(batch({ type: 'trialStarted', tid: 0, at: 5, slot: 3 }))).toBeDefined();
    expect(decodeRunEventBatch(batch({ type: 'trialStarted', tid: 0, at: 5 }))).toBeUndefined();
    expect(decodeRunEventBatch(batch({ type: 'trialStarted', tid: 0, at: 5, slot: -1 }))).toBeUndefined();
    expect(decodeRunEventBatch(batch({ type: 'trialEnded', tid: 0, at: Number.NaN }))).toBeUndefined();
    expect(decodeRunEventBatch('forged')).toBeUndefined();
  });
});
