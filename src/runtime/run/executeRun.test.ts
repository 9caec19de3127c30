import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hp, toSpaceDocument } from '../../core';
import { ObjectiveCompileError } from '../objective/compile';
import { createFakeFactory, type FakeBehaviour, type FakeFactoryOptions } from '../pool/fakeWorkers';
import type { RunEvent } from './events';
import { executeRun, type RunHandle } from './executeRun';
import { RUN_REQUEST_VERSION, type RunRequest } from './runRequest';

const request = (change: Partial<RunRequest> = {}): RunRequest => ({
  version: RUN_REQUEST_VERSION,
  space: toSpaceDocument({ x: hp.uniform('x', -5, 5) }),
  objective: { source: 'export default (p) => p.x ** 2;', language: 'javascript' },
  algo: { name: 'rand' },
  maxEvals: 10,
  trialsKind: 'WorkerTrials',
  parallelism: 2,
  maxQueueLen: 1,
  seed: 1,
  ...change,
});

function start(
  change: Partial<RunRequest>,
  behave: (tid: number) => FakeBehaviour,
  options: FakeFactoryOptions = {},
) {
  const events: RunEvent[] = [];
  const factory = createFakeFactory({ ...options, behave });
  const configured: string[] = [];
  const handle = executeRun(request(change), {
    sandbox: Object.assign(factory, { configure: (code: string) => configured.push(code) }),
    hardwareConcurrency: 2,
    emit: (event) => events.push(event),
    now: () => Date.now(),
  });
  return { events, handle, factory, configured };
}

async function finish(handle: RunHandle, maxMs = 60_000): Promise<void> {
  let done = false;
  void handle.done.then(() => (done = true));
  for (let t = 0; t < maxMs && !done; t += 10) await vi.advanceTimersByTimeAsync(10);
  expect(done).toBe(true);
}

const ended = (events: RunEvent[]) =>
  events.find((e): e is Extract<RunEvent, { type: 'runEnded' }> => e.type === 'runEnded')!;
const trialEnds = (events: RunEvent[]) =>
  events.filter((e): e is Extract<RunEvent, { type: 'trialEnded' }> => e.type === 'trialEnded');

describe('executeRun', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs every trial through the pool and reports queued, started, ended, best and the summary', async () => {
    const { events, handle, configured } = start({}, (tid) => ({ do: 'loss', loss: 10 - tid, delayMs: 5 }));
    await finish(handle);
    expect(configured[0]).toContain('__hyperoptTrialWorker.define(function (exports, require, module) {');
    expect(events[0]).toMatchObject({
      type: 'runStarted',
      maxEvals: 10,
      parallelism: { requested: 2, actual: 2 },
    });
    for (let tid = 0; tid < 10; tid++) {
      const order = ['trialQueued', 'trialStarted', 'trialEnded'].map((type) =>
        events.findIndex((e) => e.type === type && 'tid' in e && e.tid === tid),
      );
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
    const best = events.filter((e) => e.type === 'bestSoFar').map((e) => (e as { loss: number }).loss);
    expect(best).toEqual([...best].sort((a, b) => b - a));
    expect(ended(events)).toMatchObject({
      stopReason: 'maxEvals',
      summary: { total: 10, succeeded: 10, failed: 0, cancelled: 0 },
      best: { tid: 9, loss: 1 },
    });
  });

  it('ends every running trial at the timeout and returns the best completed one', async () => {
    const { events, handle, factory } = start({ timeout: 1, maxEvals: 50 }, (tid) =>
      tid < 3 ? { do: 'loss', loss: tid } : { do: 'hang' },
    );
    await finish(handle);
    const end = ended(events);
    expect(end).toMatchObject({
      stopReason: 'timeout',
      summary: { succeeded: 3, cancelled: 2, failed: 0 },
      best: { tid: 0 },
    });
    expect(end.stopLatencyMs).toBeLessThan(50);
    expect(
      trialEnds(events)
        .filter((e) => e.outcome === 'cancelled')
        .map((e) => e.error?.message),
    ).toEqual(['fmin timeout', 'fmin timeout']);
    expect(factory.terminated).toBe(factory.spawned);
  });

  it('Stop cancels running trials with its reason', async () => {
    const { events, handle } = start({ maxEvals: 50 }, () => ({ do: 'hang' }));
    await vi.advanceTimersByTimeAsync(100);
    handle.stop('stopped by the user');
    await finish(handle);
    expect(ended(events)).toMatchObject({ stopReason: 'aborted', summary: { cancelled: 2, succeeded: 0 } });
    expect(ended(events).stopLatencyMs).toBeLessThan(5);
    expect(trialEnds(events)[0]!.error).toEqual({
      type: 'Cancelled',
      message: 'aborted: stopped by the user',
    });
  });

  it('stops early when noProgressLoss says so, cancelling what runs', async () => {
    const { events, handle } = start(
      { maxEvals: 100, earlyStop: { kind: 'noProgressLoss', iterationStopCount: 3, percentIncrease: 0 } },
      (tid) => ({
        do: 'loss',
        loss: 1,
        delayMs: tid % 2 === 0 ? 5 : 50,
      }),
    );
    await finish(handle);
    const end = ended(events);
    expect(end.stopReason).toBe('earlyStop');
    expect(end.summary.total).toBeLessThan(10);
  });

  it('records a failing trial with the objective line and goes on', async () => {
    const { events, handle } = start({ maxEvals: 4 }, (tid) =>
      tid === 1 ? { do: 'throw', message: 'bad', line: 1 } : { do: 'loss', loss: 1 },
    );
    await finish(handle);
    expect(trialEnds(events).find((e) => e.tid === 1)).toMatchObject({
      outcome: 'failed',
      error: { type: 'RangeError', message: 'bad', line: 1 },
    });
    expect(ended(events).summary).toEqual({ total: 4, succeeded: 3, failed: 1, cancelled: 0 });
  });

  it('runs Trials one at a time whatever parallelism says', async () => {
    const { events, handle, factory } = start({ trialsKind: 'Trials', parallelism: 8, maxEvals: 5 }, () => ({
      do: 'loss',
      loss: 1,
    }));
    await finish(handle);
    expect(events[0]).toMatchObject({ trialsKind: 'Trials', parallelism: { actual: 1 } });
    expect(factory.spawned).toBe(1);
  });

  it('ends the run with a sentence when the objective module fails to load', async () => {
    const source = 'const a = 1;\nexport default () => a;';
    const { events, handle } = start(
      { objective: { source, language: 'javascript' } },
      () => ({ do: 'loss', loss: 1 }),
      { loadError: 'boom' },
    );
    await finish(handle);
    expect(ended(events)).toMatchObject({ stopReason: 'error' });
    expect(ended(events).error).toMatch(
      /failed while loading at line 2: SyntaxError: boom\. Fix the objective/,
    );
  });

  it('refuses a syntax error, an unknown algorithm or a bad space before any trial', () => {
    const none = () => ({ do: 'hang' }) as const;
    expect(() => start({ objective: { source: 'export default (;', language: 'javascript' } }, none)).toThrow(
      ObjectiveCompileError,
    );
    expect(() => start({ algo: { name: 'bogus' } }, none)).toThrow(/Unknown algorithm "bogus"/);
    expect(() => start({ space: { format: 'nope' } }, none)).toThrow(/not a space document/);
  });
});
