import { describe, expect, it } from 'vitest';
import { ParamConflictError } from './errors';
import type { RunDelta } from './runStore';
import { openTestStore } from './testSupport';
import { WriteBatcher, mergeDeltas } from './writeBatcher';

async function setup() {
  const store = await openTestStore();
  const exp = await store.createExperiment('e');
  const parent = await store.createRun({ experimentId: exp.id, parentRunId: null, name: 'p', startTime: 0 });
  const writes: number[] = [];
  const write = store.write.bind(store);
  store.write = (deltas, options) => {
    writes.push(deltas.length);
    return write(deltas, options);
  };
  const create = { experimentId: exp.id, parentRunId: parent.id, name: 'c', startTime: 0 };
  let flush: () => void = () => {};
  const batcher = new WriteBatcher(store, (f) => (flush = f));
  return { store, parent, create, writes, batcher, flushFrame: () => flush() };
}

describe('WriteBatcher', () => {
  it('writes a frame of deltas in one transaction and resolves each only after it committed', async () => {
    const { store, create, writes, batcher, flushFrame } = await setup();
    const durable = Array.from({ length: 50 }, (_, i) =>
      batcher.enqueue({ id: `c${i}`, create, status: 'FINISHED' }),
    );
    let resolved = 0;
    for (const d of durable) void d.then(() => resolved++);
    await Promise.resolve();
    expect(resolved).toBe(0);
    expect(await store.getRun('c0')).toBeUndefined();
    flushFrame();
    await Promise.all(durable);
    expect(writes).toEqual([50]);
    expect((await store.listRuns({ parentRunId: create.parentRunId })).length).toBe(50);
  });

  it("merges one run's deltas within a frame (a trial started and ended costs one put)", async () => {
    const { store, writes, batcher, flushFrame, create } = await setup();
    const start = batcher.enqueue({ id: 't', create, tags: { a: '1' } });
    const end = batcher.enqueue({
      id: 't',
      params: { x: '1' },
      status: 'FINISHED',
      metrics: [{ key: 'loss', value: 1, step: 0, timestamp: 0 }],
    });
    flushFrame();
    await Promise.all([start, end]);
    expect(writes).toEqual([1]);
    expect(await store.getRun('t')).toMatchObject({
      status: 'FINISHED',
      tags: { a: '1' },
      params: { x: '1' },
    });
    const a: RunDelta = {
      id: 'x',
      params: { p: '1' },
      metrics: [{ key: 'm', value: 1, step: 0, timestamp: 0 }],
    };
    const b: RunDelta = {
      id: 'x',
      params: { q: '2' },
      metrics: [{ key: 'm', value: 2, step: 1, timestamp: 0 }],
    };
    expect(mergeDeltas(a, b)).toEqual({
      id: 'x',
      params: { p: '1', q: '2' },
      metrics: [...a.metrics!, ...b.metrics!],
    });
  });

  it('a refused delta fails alone: the batch is retried one by one', async () => {
    const { store, batcher, flushFrame, create } = await setup();
    await store.write([{ id: 'fixed', create, params: { p: 'a' } }]);
    const good = batcher.enqueue({ id: 'g', create });
    const bad = batcher.enqueue({ id: 'fixed', params: { p: 'b' } });
    flushFrame();
    await expect(bad).rejects.toBeInstanceOf(ParamConflictError);
    await good;
    expect(await store.getRun('g')).toBeDefined();
  });

  it('flush() writes without waiting for a frame, and pending() waits for every transaction', async () => {
    const { store, batcher, create } = await setup();
    const d = batcher.enqueue({ id: 'f', create });
    await batcher.flush();
    await d;
    await store.pending();
    expect(batcher.backlog).toBe(0);
    expect(await store.getRun('f')).toBeDefined();
  });
});
