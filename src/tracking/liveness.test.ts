import { afterEach, describe, expect, it, vi } from 'vitest';
import { Liveness, runLockName } from './liveness';
import type { LockManagerLike } from './liveness';
import { manualClock, openTestStore } from './testSupport';
import { TAG_END_REASON } from './types';

/** Web Locks as the browser keeps them: a held lock disappears when its tab goes. */
function fakeLocks(): LockManagerLike & { dropAll(): void } {
  const held = new Map<string, () => void>();
  return {
    async request(name, _options, callback) {
      const release = callback();
      held.set(name, () => undefined);
      await release;
      held.delete(name);
    },
    async query() {
      return { held: [...held.keys()].map((name) => ({ name })) };
    },
    dropAll() {
      held.clear();
    },
  };
}

async function runningPair() {
  const clock = manualClock();
  const store = await openTestStore({ clock });
  const exp = await store.createExperiment('e');
  const parent = await store.createRun({
    experimentId: exp.id,
    parentRunId: null,
    name: 'p',
    startTime: clock(),
  });
  await store.write([
    { id: 'child', create: { experimentId: exp.id, parentRunId: parent.id, name: 'c', startTime: clock() } },
  ]);
  return { clock, store, parent };
}

afterEach(() => vi.useRealTimers());

describe('liveness: telling a live run from a dead one', () => {
  it('with Web Locks: a run whose lock is held stays RUNNING, one whose tab is gone becomes KILLED (interrupted)', async () => {
    const { store, parent, clock } = await runningPair();
    const locks = fakeLocks();
    const liveness = new Liveness(store, { locks, clock });
    const release = await liveness.hold(parent.id);
    expect((await locks.query()).held).toEqual([{ name: runLockName(parent.id) }]);
    expect(await liveness.reap()).toEqual([]);
    // The tab reloads: the browser drops its locks.
    locks.dropAll();
    expect((await liveness.reap()).sort()).toEqual(['child', parent.id].sort());
    expect(await store.getRun(parent.id)).toMatchObject({
      status: 'KILLED',
      tags: { [TAG_END_REASON]: 'interrupted' },
    });
    expect(await store.getRun('child')).toMatchObject({
      status: 'KILLED',
      tags: { [TAG_END_REASON]: 'interrupted' },
    });
    release();
  });

  it('with a heartbeat: fresh beats keep a run alive, a stale one is dead; ended at its last beat', async () => {
    // Only intervals are faked: fake-indexeddb schedules its work on real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { store, parent, clock } = await runningPair();
    const liveness = new Liveness(store, { locks: null, clock, heartbeatMs: 1_000 });
    const release = await liveness.hold(parent.id);
    clock.advance(2_500);
    await vi.advanceTimersByTimeAsync(2_500);
    await store.pending();
    expect(await liveness.reap()).toEqual([]);
    const lastBeat = (await store.getRun(parent.id))!.heartbeatAt!;
    release();
    clock.advance(3_001);
    expect((await liveness.reap()).sort()).toEqual(['child', parent.id].sort());
    expect(await store.getRun(parent.id)).toMatchObject({ status: 'KILLED', endTime: lastBeat });
  });

  it('kills children left RUNNING under a parent that ended', async () => {
    const { store, parent } = await runningPair();
    // Old data: the parent ended without its child (impossible with endRun, possible from imports).
    await store.write([{ id: parent.id, status: 'FINISHED' }]);
    expect(await store.reapInterrupted(() => true)).toEqual(['child']);
    expect(await store.getRun('child')).toMatchObject({
      status: 'KILLED',
      tags: { [TAG_END_REASON]: 'parent run ended' },
    });
  });
});
