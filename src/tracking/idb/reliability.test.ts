import { describe, expect, it } from 'vitest';
import { IDBObjectStore } from 'fake-indexeddb';
import { hp, rand } from '../../core';
import { LimitError, StorageFullError } from '../errors';
import { FminTracker } from '../fmin/fminTracker';
import { trackedFmin } from '../fmin/testEvents';
import { LIMITS } from '../limits';
import { manualClock, openTestStore, sequentialIds } from '../testSupport';
import { WriteBatcher } from '../writeBatcher';
import { IdbRunStore } from './idbRunStore';
import { openTrackingDb } from '../db/open';
import { STORE } from '../db/schema';

const space = { x: hp.uniform('x', -1, 1) };
const fn = (c: { x: number }) => c.x ** 2;

describe('two tabs writing at once', () => {
  it('keeps both runs whole', async () => {
    const clock = manualClock();
    const tabA = await openTestStore({ clock, newId: sequentialIds('a') });
    const tabB = await IdbRunStore.open({ factory: tabA.factory, clock, newId: sequentialIds('b') });
    const exp = await tabA.createExperiment('shared');
    const tracker = (store: IdbRunStore, uuid: string) =>
      new FminTracker({
        store,
        experimentId: exp.id,
        fminUuid: () => uuid,
        batcher: new WriteBatcher(store, (f) => setTimeout(f, 0), 7),
      });
    const a = tracker(tabA, 'aaaaaa');
    const b = tracker(tabB, 'bbbbbb');
    await Promise.all([
      trackedFmin(a, { fn, space, algo: rand.suggest, maxEvals: 60, seed: 1 }, clock),
      trackedFmin(b, { fn, space, algo: rand.suggest, maxEvals: 45, seed: 2 }, clock),
    ]);
    for (const [t, n] of [
      [a, 60],
      [b, 45],
    ] as const) {
      const parent = (await tabA.getRun(t.parentRunId!))!;
      expect(parent).toMatchObject({ status: 'FINISHED', children: { total: n, finished: n } });
      const children = await tabB.listRuns({ parentRunId: parent.id });
      expect(children.map((c) => c.trial!.tid).sort((x, y) => x - y)).toEqual(
        Array.from({ length: n }, (_, i) => i),
      );
      expect(new Set(children.map((c) => c.tags['fmin_uuid']))).toEqual(new Set([t.fminUuid]));
    }
  });
});

describe('deleting runs', () => {
  it('deletes a run with its children, metrics and artifacts: no orphans remain', async () => {
    const store = await openTestStore();
    const exp = await store.createExperiment('e');
    const keep = await store.createRun({
      experimentId: exp.id,
      parentRunId: null,
      name: 'keep',
      startTime: 0,
    });
    const doomed = await store.createRun({
      experimentId: exp.id,
      parentRunId: null,
      name: 'doomed',
      startTime: 0,
    });
    const child = (id: string, parent: string, loss: number) => ({
      id,
      create: { experimentId: exp.id, parentRunId: parent, name: id, startTime: 1 },
      // Two points, so that the history has metric rows (a lone point lives on the run row).
      metrics: [
        { key: 'loss', value: loss + 1, step: 0, timestamp: 1 },
        { key: 'loss', value: loss, step: 1, timestamp: 2 },
      ],
      artifacts: [{ name: 'a.txt', content: { kind: 'text' as const, text: id } }],
      status: 'FINISHED' as const,
    });
    await store.write([
      child('k1', keep.id, 1),
      child('k2', keep.id, 0.5),
      child('d1', doomed.id, 1),
      child('d2', doomed.id, 2),
    ]);
    await store.write([child('grandchild', 'd1', 3)]);
    expect((await store.deleteRuns([doomed.id])).deleted.sort()).toEqual(
      [doomed.id, 'd1', 'd2', 'grandchild'].sort(),
    );
    const db = await openTrackingDb({ factory: store.factory });
    const runs = (await db.getAll(STORE.runs)).map((r) => r.id).sort();
    expect(runs).toEqual([keep.id, 'k1', 'k2'].sort());
    const metricOwners = new Set((await db.getAll(STORE.metrics)).map((m) => m.runId));
    const artifactOwners = new Set((await db.getAll(STORE.artifacts)).map((a) => a.runId));
    expect([...metricOwners].sort()).toEqual(['k1', 'k2']);
    expect([...artifactOwners].sort()).toEqual(['k1', 'k2']);
    db.close();
  });

  it("deleting a child corrects the parent's summary, finding the next best", async () => {
    const store = await openTestStore();
    const exp = await store.createExperiment('e');
    const p = await store.createRun({ experimentId: exp.id, parentRunId: null, name: 'p', startTime: 0 });
    const create = { experimentId: exp.id, parentRunId: p.id, name: 'c', startTime: 1 };
    const done = (id: string, loss: number) => ({
      id,
      create,
      status: 'FINISHED' as const,
      metrics: [{ key: 'loss', value: loss, step: 0, timestamp: 1 }],
    });
    await store.write([done('c1', 0.3), done('c2', 0.1), done('c3', 0.2)]);
    await store.deleteRuns(['c2']);
    expect((await store.getRun(p.id))!.children).toEqual({
      total: 2,
      running: 0,
      finished: 2,
      failed: 0,
      killed: 0,
      bestLoss: 0.2,
      bestRunId: 'c3',
    });
  });
});

describe('bounds on untrusted content (strict store API)', () => {
  async function run() {
    const store = await openTestStore();
    const exp = await store.createExperiment('e');
    const r = await store.createRun({ experimentId: exp.id, parentRunId: null, name: 'r', startTime: 0 });
    return { store, id: r.id };
  }
  it.each([
    ['a long key', { params: { ['k'.repeat(251)]: 'v' } }, /has 251 characters; the limit is 250/],
    ['a control character in a key', { tags: { 'a\u0000b': 'v' } }, /must not contain control characters/],
    [
      'a long param value',
      { params: { p: 'v'.repeat(LIMITS.paramValueChars + 1) } },
      /Param 'p' has 6001 characters; the limit is 6000/,
    ],
    [
      'a long tag value',
      { tags: { t: 'v'.repeat(LIMITS.tagValueChars + 1) } },
      /Tag 't' has 65536 characters/,
    ],
    [
      'too many params',
      { params: Object.fromEntries(Array.from({ length: LIMITS.params + 1 }, (_, i) => [`p${i}`, '1'])) },
      /params of run .* would be 1001; a run may hold at most 1000/,
    ],
    [
      'a huge artifact',
      { artifacts: [{ name: 'big', content: { kind: 'text', text: 'x'.repeat(LIMITS.artifactChars + 1) } }] },
      /Artifact 'big' has 1000001 characters/,
    ],
    [
      'a non-image blob as image',
      {
        artifacts: [
          { name: 'x', content: { kind: 'image', blob: new Blob(['<svg/>'], { type: 'text/html' }) } },
        ],
      },
      /must have an image MIME type/,
    ],
    [
      'a fractional metric step',
      { metrics: [{ key: 'm', value: 1, step: 0.5, timestamp: 0 }] },
      /step of metric 'm' must be an integer/,
    ],
  ] as const)('refuses %s with a LimitError and stores nothing', async (_name, delta, message) => {
    const { store, id } = await run();
    const before = await store.getRun(id);
    const attempt = store.write([{ id, ...(delta as object) }]);
    await expect(attempt).rejects.toBeInstanceOf(LimitError);
    await expect(attempt).rejects.toThrow(message);
    expect(await store.getRun(id)).toEqual(before);
  });
});

describe('storage full at the store', () => {
  it('maps a transaction aborted with QuotaExceededError to StorageFullError and keeps existing data', async () => {
    const store = await openTestStore();
    const exp = await store.createExperiment('e');
    const r = await store.createRun({
      experimentId: exp.id,
      parentRunId: null,
      name: 'r',
      startTime: 0,
      params: { a: '1' },
    });
    const put = IDBObjectStore.prototype.put;
    // The second put of the transaction fails, after the first one went through: the abort must
    // roll that back too.
    let calls = 0;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (++calls === 2) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const attempt = store.write([
        {
          id: r.id,
          params: { b: '2' },
          metrics: [
            { key: 'm', value: 1, step: 0, timestamp: 0 },
            { key: 'm', value: 2, step: 1, timestamp: 0 },
          ],
        },
      ]);
      await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect((await store.getRun(r.id))!.params).toEqual({ a: '1' });
    expect(await store.getMetricHistory(r.id, 'm')).toEqual([]);
  });
});
