import { describe, expect, it } from 'vitest';
import { LimitError, RunNotFoundError } from '../errors';
import { LIMITS } from '../limits';
import { openTestStore } from '../testSupport';
import { TAG_PARENT_RUN_ID, TAG_RUN_NAME } from '../types';
import { WriteBatcher } from '../writeBatcher';

async function setup() {
  const store = await openTestStore();
  const exp = await store.createExperiment('demo');
  const run = await store.createRun({
    experimentId: exp.id,
    parentRunId: null,
    name: 'before',
    startTime: 0,
    tags: { team: 'a', note: 'x' },
  });
  return { store, exp, run };
}

describe('IdbRunStore: rename and tag deletion', () => {
  it('renames a run, also once it has ended, and lists it under its new name', async () => {
    const { store, exp, run } = await setup();
    await store.write([{ id: run.id, name: 'after' }]);
    expect((await store.getRun(run.id))!.name).toBe('after');
    await store.endRun(run.id, 'FINISHED');
    await store.write([{ id: run.id, name: 'final' }]);
    const [listed] = await store.listRuns({ experimentId: exp.id, parentRunId: null });
    expect(listed).toMatchObject({ name: 'final', status: 'FINISHED' });
    // No mlflow.runName tag appears on a run that did not carry one.
    expect(listed!.tags[TAG_RUN_NAME]).toBeUndefined();
  });

  it('keeps the mlflow.runName tag in step when the run carries it', async () => {
    const { store, run } = await setup();
    await store.write([{ id: run.id, tags: { [TAG_RUN_NAME]: 'before' } }]);
    await store.write([{ id: run.id, name: 'renamed' }]);
    const after = (await store.getRun(run.id))!;
    expect(after.name).toBe('renamed');
    expect(after.tags[TAG_RUN_NAME]).toBe('renamed');
  });

  it('refuses a name beyond the key bound and stores nothing of that write', async () => {
    const { store, run } = await setup();
    const attempt = store.write([{ id: run.id, name: 'n'.repeat(LIMITS.keyChars + 1), tags: { z: '1' } }]);
    await expect(attempt).rejects.toBeInstanceOf(LimitError);
    await expect(attempt).rejects.toThrow(/run name/);
    const stored = (await store.getRun(run.id))!;
    expect(stored.name).toBe('before');
    expect(stored.tags.z).toBeUndefined();
  });

  it('deletes tags (absent keys ignored), on ended runs too, before setting new ones', async () => {
    const { store, run } = await setup();
    await store.endRun(run.id, 'KILLED');
    await store.write([{ id: run.id, deleteTags: ['note', 'missing'] }]);
    expect((await store.getRun(run.id))!.tags).toMatchObject({ team: 'a' });
    expect((await store.getRun(run.id))!.tags.note).toBeUndefined();
    // Delete then set in one delta: the key is replaced, not lost.
    await store.write([{ id: run.id, deleteTags: ['team'], tags: { team: 'b' } }]);
    expect((await store.getRun(run.id))!.tags.team).toBe('b');
  });

  it("refuses bad tag keys and a child's parent link, naming the tag", async () => {
    const { store, exp, run } = await setup();
    await expect(store.write([{ id: run.id, deleteTags: [''] }])).rejects.toBeInstanceOf(LimitError);
    const child = await store.createRun({
      experimentId: exp.id,
      parentRunId: run.id,
      name: 'child',
      startTime: 1,
    });
    const attempt = store.write([{ id: child.id, deleteTags: [TAG_PARENT_RUN_ID] }]);
    await expect(attempt).rejects.toThrow(/mlflow\.parentRunId.*cannot be deleted/);
    expect((await store.getRun(child.id))!.tags[TAG_PARENT_RUN_ID]).toBe(run.id);
    expect(await store.listRuns({ parentRunId: run.id })).toHaveLength(1);
  });

  it('renaming a missing run fails with RunNotFoundError', async () => {
    const { store } = await setup();
    await expect(store.write([{ id: 'nope', name: 'x' }])).rejects.toBeInstanceOf(RunNotFoundError);
  });

  it('the write batcher keeps a tag deletion in order with sets queued around it', async () => {
    const { store, run } = await setup();
    let tick: () => void = () => {};
    const batcher = new WriteBatcher(store, (fn) => void (tick = fn));
    const writes = [
      batcher.enqueue({ id: run.id, tags: { k: '1' } }),
      batcher.enqueue({ id: run.id, deleteTags: ['k'] }),
      batcher.enqueue({ id: run.id, tags: { j: '2' } }),
    ];
    tick();
    await Promise.all(writes);
    const tags = (await store.getRun(run.id))!.tags;
    expect(tags.k).toBeUndefined();
    expect(tags.j).toBe('2');
  });
});
