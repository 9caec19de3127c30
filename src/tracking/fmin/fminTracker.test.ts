import { describe, expect, it } from 'vitest';
import { hp, rand } from '../../core';
import { startRun, withActiveRun } from '../activeRun';
import { StorageFullError } from '../errors';
import { manualClock, openTestStore } from '../testSupport';
import { TAG_END_REASON, TAG_PARENT_RUN_ID } from '../types';
import { WriteBatcher } from '../writeBatcher';
import { FminTracker } from './fminTracker';
import type { FminTrackerOptions } from './fminTracker';
import { settingsOf, trackedFmin } from './testEvents';

const space = { x: hp.uniform('x', -5, 5), kind: hp.choice('kind', ['a', 'b']) };
const fn = (c: { x: number }) => c.x ** 2;

async function setup() {
  const clock = manualClock();
  const store = await openTestStore({ clock });
  const exp = await store.createExperiment('e');
  const uuids = ['aaaaaa', 'bbbbbb', 'cccccc'];
  const tracker = (extra: Partial<FminTrackerOptions> = {}) =>
    new FminTracker({
      store,
      experimentId: exp.id,
      clock,
      fminUuid: () => uuids.shift()!,
      batcher: new WriteBatcher(store, (flush) => setTimeout(flush, 0)),
      ...extra,
    });
  return { clock, store, exp, tracker };
}

describe('FminTracker: Databricks autologging names', () => {
  it('creates the parent with fmin params and tags, one child per trial, and the end metrics', async () => {
    const { clock, store, tracker } = await setup();
    const t = tracker();
    await trackedFmin(t, { fn, space, algo: rand.suggest, maxEvals: 6, seed: 3 }, clock);
    const parent = (await store.getRun(t.parentRunId!))!;
    expect(parent.status).toBe('FINISHED');
    expect(parent.params).toEqual({
      max_evals: '6',
      parallelism: 'None',
      actual_parallelism: '1',
      timeout: 'None',
      algo: 'hyperopt.rand',
      max_queue_len: '1',
    });
    expect(parent.tags).toMatchObject({ runSource: 'hyperoptAutoTracking', fmin_uuid: 'aaaaaa' });
    expect(JSON.parse(parent.tags['space']!)).toEqual(JSON.parse(JSON.stringify(space)));
    const metric = (k: string) => parent.metrics[k]?.value;
    expect([
      metric('successful_trials_count'),
      metric('failed_trials_count'),
      metric('cancelled_trials_count'),
      metric('total_trials_count'),
    ]).toEqual([6, 0, 0, 6]);
    const children = await store.listRuns({ parentRunId: parent.id });
    expect(children).toHaveLength(6);
    const best = Math.min(...children.map((c) => c.metrics['loss']!.value));
    expect(metric('best_trial_loss')).toBe(best);
    expect(parent.children).toMatchObject({ total: 6, finished: 6, bestLoss: best });
    for (const child of children) {
      expect(child.status).toBe('FINISHED');
      expect(child.tags).toMatchObject({
        [TAG_PARENT_RUN_ID]: parent.id,
        fmin_uuid: 'aaaaaa',
        runSource: 'hyperoptAutoTracking',
        trial_status: 'success',
      });
      expect(Object.keys(child.params).sort()).toEqual(['kind', 'x']);
      expect(Number(child.params['x'])).toBe(child.trial!.vals['x']);
      expect(['0', '1']).toContain(child.params['kind']);
    }
  });

  it("records failures as FAILED children with trial_status 'failure' and no loss", async () => {
    const { clock, store, tracker } = await setup();
    const t = tracker();
    let i = 0;
    const flaky = (c: { x: number }) => {
      if (i++ % 2 === 1) throw new TypeError('boom');
      return c.x;
    };
    await trackedFmin(
      t,
      { fn: flaky, space, algo: rand.suggest, maxEvals: 4, seed: 1, catchEvalExceptions: true },
      clock,
    );
    const children = await store.listRuns({ parentRunId: t.parentRunId! });
    const failed = children.filter((c) => c.status === 'FAILED');
    expect(failed.length).toBeGreaterThan(0);
    for (const c of failed) {
      expect(c.tags['trial_status']).toBe('failure');
      expect(c.metrics['loss']).toBeUndefined();
      expect(c.tags['playground.error']).toMatch(/boom/);
    }
    expect((await store.getRun(t.parentRunId!))!.metrics['failed_trials_count']!.value).toBe(failed.length);
  });

  it('stores what the objective logged, bounded, with the hyperparameters winning a param clash', async () => {
    const { clock, store, tracker } = await setup();
    const t = tracker();
    await t.handle({ type: 'fminStarted', time: clock(), settings: settingsOf({ maxEvals: 1, space }) });
    await t.handle({
      type: 'trialEnded',
      tid: 0,
      time: clock(),
      outcome: 'ok',
      loss: 1,
      durationMs: 5,
      vals: { x: 1.5, kind: 0 },
      log: {
        params: { model: 'tree', x: 'not the value' },
        metrics: [{ key: 'acc', value: 0.9, step: 3, timestamp: 1 }],
        tags: { note: 'y'.repeat(6_000), 'mlflow.parentRunId': 'forged', trial_status: 'forged' },
        artifacts: [{ name: 'report.html', content: '<script>alert(1)</script>' }],
        logs: [{ level: 'log', text: 'hello' }],
      },
    });
    const [child] = await store.listRuns({ parentRunId: t.parentRunId! });
    expect(child!.params).toEqual({ model: 'tree', x: '1.5', kind: '0' });
    expect(child!.tags['playground.paramConflicts']).toBe('x');
    expect(child!.tags['note']).toHaveLength(5_000);
    expect(child!.tags[TAG_PARENT_RUN_ID]).toBe(t.parentRunId);
    expect(child!.tags['trial_status']).toBe('success');
    expect(child!.tags['playground.truncated']).toMatch(/tag 'note' cut to 5000 characters/);
    expect(child!.metrics['acc']).toEqual({ value: 0.9, step: 3, timestamp: 1 });
    // Stored as data: the markup comes back as the same text, nothing interprets it.
    expect(await store.getArtifact(child!.id, 'report.html')).toEqual({
      kind: 'text',
      text: '<script>alert(1)</script>',
    });
    expect(await store.getArtifact(child!.id, 'console.log')).toEqual({ kind: 'text', text: 'log: hello' });
  });
});

describe('FminTracker: active runs', () => {
  it('logs into an active run without ending it; a second fmin suffixes params and fmin_uuid', async () => {
    const { clock, store, exp, tracker } = await setup();
    await withActiveRun(store, { experimentId: exp.id, name: 'sweep', clock }, async (run) => {
      await run.logParam('dataset', 'iris');
      const first = tracker({ activeRun: run });
      await trackedFmin(first, { fn, space, algo: rand.suggest, maxEvals: 3, seed: 1 }, clock);
      expect((await store.getRun(run.id))!.status).toBe('RUNNING');
      const second = tracker({ activeRun: run });
      await trackedFmin(second, { fn, space, algo: rand.suggest, maxEvals: 5, seed: 2 }, clock);
      const parent = (await store.getRun(run.id))!;
      expect(parent.status).toBe('RUNNING');
      expect(parent.params).toMatchObject({
        dataset: 'iris',
        max_evals: '3',
        max_evals_bbbbbb: '5',
        algo_bbbbbb: 'hyperopt.rand',
      });
      expect(parent.tags).toMatchObject({
        fmin_uuid: 'aaaaaa',
        fmin_uuid_bbbbbb: 'bbbbbb',
        runSource: 'hyperoptAutoTracking',
      });
      const children = await store.listRuns({ parentRunId: run.id });
      expect(children.filter((c) => c.tags['fmin_uuid'] === 'aaaaaa')).toHaveLength(3);
      expect(children.filter((c) => c.tags['fmin_uuid'] === 'bbbbbb')).toHaveLength(5);
      // Metrics are histories, not write-once: the second fmin's counts are the latest values.
      expect(parent.metrics['total_trials_count']!.value).toBe(5);
      expect(await store.getMetricHistory(run.id, 'total_trials_count')).toHaveLength(2);
    });
    const [sweep] = await store.listRuns({ experimentId: exp.id, parentRunId: null });
    expect(sweep!.status).toBe('FINISHED');
  });

  it('ending an active run while a trial runs kills the trial child and says why', async () => {
    const { clock, store, exp, tracker } = await setup();
    const run = await startRun(store, { experimentId: exp.id, clock });
    const t = tracker({ activeRun: run });
    await t.handle({ type: 'fminStarted', time: clock(), settings: settingsOf({ maxEvals: 2, space }) });
    await t.handle({ type: 'trialStarted', tid: 0, time: clock() });
    expect(await run.end()).toEqual({ killedChildren: 1 });
    const [child] = await store.listRuns({ parentRunId: run.id });
    expect(child).toMatchObject({ status: 'KILLED', tags: { [TAG_END_REASON]: 'parent run ended' } });
    // The late result cannot revive it: that write is refused, the child stays KILLED.
    const late = t.handle({
      type: 'trialEnded',
      tid: 0,
      time: clock(),
      outcome: 'ok',
      loss: 1,
      durationMs: 1,
      vals: { x: 1, kind: 0 },
    });
    await expect(late).rejects.toThrow(/KILLED/);
    expect((await store.getRun(child!.id))!.status).toBe('KILLED');
  });

  it('marks trials that never reported an end KILLED when fmin ends', async () => {
    const { clock, store, tracker } = await setup();
    const t = tracker();
    await t.handle({ type: 'fminStarted', time: clock(), settings: settingsOf({ maxEvals: 2, space }) });
    await t.handle({ type: 'trialStarted', tid: 0, time: clock() });
    await t.handle({
      type: 'fminEnded',
      time: clock(),
      stopReason: 'signal',
      summary: { total: 1, succeeded: 0, failed: 0, cancelled: 1 },
    });
    const [child] = await store.listRuns({ parentRunId: t.parentRunId! });
    expect(child).toMatchObject({ status: 'KILLED', tags: { [TAG_END_REASON]: 'fmin ended' } });
    expect((await store.getRun(t.parentRunId!))!.status).toBe('FINISHED');
  });
});

describe('FminTracker: storage full', () => {
  it('turns QuotaExceededError into StorageFullError, stops recording and keeps what was stored', async () => {
    const { clock, store, tracker } = await setup();
    const errors: Error[] = [];
    const t = tracker({ onError: (e) => errors.push(e) });
    await t.handle({ type: 'fminStarted', time: clock(), settings: settingsOf({ maxEvals: 3, space }) });
    const ok = {
      type: 'trialEnded',
      time: clock(),
      outcome: 'ok',
      loss: 1,
      durationMs: 1,
      vals: { x: 1, kind: 0 },
    } as const;
    await t.handle({ ...ok, tid: 0 });
    const before = await store.listRuns({ parentRunId: t.parentRunId! });
    // The next put fails as a full disk makes it fail: the transaction aborts with QuotaExceededError.
    const { IDBObjectStore } = await import('fake-indexeddb');
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await expect(t.handle({ ...ok, tid: 1 })).rejects.toBeInstanceOf(StorageFullError);
      await expect(t.handle({ ...ok, tid: 2 })).rejects.toBeInstanceOf(StorageFullError);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /storage for this site is full.*Export the runs you want to keep, delete old runs/,
    );
    await t.handle({
      type: 'fminEnded',
      time: clock(),
      stopReason: 'signal',
      summary: { total: 3, succeeded: 1, failed: 0, cancelled: 2 },
    });
    expect(await store.listRuns({ parentRunId: t.parentRunId! })).toEqual(before);
    expect(await store.getRun(t.parentRunId!)).toMatchObject({
      status: 'FAILED',
      tags: { [TAG_END_REASON]: errors[0]!.message },
    });
  });
});
