import { describe, expect, it } from 'vitest';
import { ParamConflictError, RunNotActiveError, RunNotFoundError } from '../errors';
import { openTestStore } from '../testSupport';
import { TAG_END_REASON, TAG_PARENT_RUN_ID } from '../types';

async function setup() {
  const store = await openTestStore();
  const exp = await store.createExperiment('demo');
  return { store, exp };
}

describe('IdbRunStore: runs, params, metrics, tags', () => {
  it('creates a RUNNING run and reads it back', async () => {
    const { store, exp } = await setup();
    const run = await store.createRun({
      experimentId: exp.id,
      parentRunId: null,
      name: 'first',
      startTime: 5,
      tags: { a: '1' },
    });
    expect(run).toMatchObject({
      experimentId: exp.id,
      name: 'first',
      status: 'RUNNING',
      startTime: 5,
      endTime: null,
      parentRunId: null,
      tags: { a: '1' },
    });
    expect(await store.getRun(run.id)).toEqual(run);
  });

  it('params are write-once: same value again is fine, another value fails naming the key', async () => {
    const { store, exp } = await setup();
    const run = await store.createRun({ experimentId: exp.id, parentRunId: null, name: 'r', startTime: 0 });
    await store.write([{ id: run.id, params: { lr: '0.1' } }]);
    await store.write([{ id: run.id, params: { lr: '0.1' } }]);
    const attempt = store.write([{ id: run.id, params: { lr: '0.2', other: 'x' } }]);
    await expect(attempt).rejects.toBeInstanceOf(ParamConflictError);
    await expect(attempt).rejects.toThrow(
      /Param 'lr' .* was already logged as '0\.1' and cannot change to '0\.2'/,
    );
    // The failed write stored nothing, not even its other param.
    expect((await store.getRun(run.id))!.params).toEqual({ lr: '0.1' });
  });

  it('keeps a metric history per key and the latest value (highest step, then latest time) on the run', async () => {
    const { store, exp } = await setup();
    const run = await store.createRun({ experimentId: exp.id, parentRunId: null, name: 'r', startTime: 0 });
    await store.write([
      {
        id: run.id,
        metrics: [
          { key: 'loss', value: 3, step: 0, timestamp: 10 },
          { key: 'loss', value: 2, step: 1, timestamp: 11 },
          { key: 'acc', value: 0.5, step: 0, timestamp: 11 },
        ],
      },
    ]);
    await store.write([{ id: run.id, metrics: [{ key: 'loss', value: 9, step: 0, timestamp: 12 }] }]);
    expect((await store.getMetricHistory(run.id, 'loss')).map((p) => [p.value, p.step])).toEqual([
      [3, 0],
      [2, 1],
      [9, 0],
    ]);
    expect((await store.getRun(run.id))!.metrics).toEqual({
      loss: { value: 2, step: 1, timestamp: 11 },
      acc: { value: 0.5, step: 0, timestamp: 11 },
    });
  });

  it('a lone metric point lives on the run row until a second one comes, with the history kept in order', async () => {
    const { store, exp } = await setup();
    const run = await store.createRun({ experimentId: exp.id, parentRunId: null, name: 'r', startTime: 0 });
    await store.write([{ id: run.id, metrics: [{ key: 'acc', value: 0.5, step: 0, timestamp: 1 }] }]);
    expect(await store.getMetricHistory(run.id, 'acc')).toEqual([
      { key: 'acc', value: 0.5, step: 0, timestamp: 1 },
    ]);
    await store.write([{ id: run.id, metrics: [{ key: 'acc', value: 0.7, step: 1, timestamp: 2 }] }]);
    expect((await store.getMetricHistory(run.id, 'acc')).map((p) => p.value)).toEqual([0.5, 0.7]);
    const data = await store.readRunData([run.id]);
    expect(data.get(run.id)!.metrics.map((p) => p.value)).toEqual([0.5, 0.7]);
  });

  it('a fresh delta for a run that exists fails instead of overwriting it', async () => {
    const { store, exp } = await setup();
    const run = await store.createRun({
      experimentId: exp.id,
      parentRunId: null,
      name: 'keep',
      startTime: 0,
    });
    const create = { experimentId: exp.id, parentRunId: null, name: 'other', startTime: 1 };
    await expect(store.write([{ id: run.id, fresh: true, create }])).rejects.toThrow();
    expect((await store.getRun(run.id))!.name).toBe('keep');
  });

  it('nested runs carry mlflow.parentRunId and keep the parent summary', async () => {
    const { store, exp } = await setup();
    const parent = await store.createRun({
      experimentId: exp.id,
      parentRunId: null,
      name: 'p',
      startTime: 0,
    });
    const create = { experimentId: exp.id, parentRunId: parent.id, name: 'c', startTime: 1 };
    await store.write([
      { id: 'c1', create, status: 'FINISHED', metrics: [{ key: 'loss', value: 0.5, step: 0, timestamp: 1 }] },
      {
        id: 'c2',
        create,
        status: 'FINISHED',
        metrics: [{ key: 'loss', value: 0.25, step: 0, timestamp: 1 }],
      },
      { id: 'c3', create },
      { id: 'c4', create, status: 'FAILED' },
    ]);
    const child = await store.getRun('c1');
    expect(child).toMatchObject({
      parentRunId: parent.id,
      tags: { [TAG_PARENT_RUN_ID]: parent.id },
      status: 'FINISHED',
    });
    expect((await store.getRun(parent.id))!.children).toEqual({
      total: 4,
      running: 1,
      finished: 2,
      failed: 1,
      killed: 0,
      bestLoss: 0.25,
      bestRunId: 'c2',
    });
    expect((await store.listRuns({ parentRunId: parent.id })).map((r) => r.id).sort()).toEqual([
      'c1',
      'c2',
      'c3',
      'c4',
    ]);
    expect((await store.listRuns({ experimentId: exp.id, parentRunId: null })).map((r) => r.id)).toEqual([
      parent.id,
    ]);
  });

  it('ending a parent with running children kills them with a reason, in the same transaction', async () => {
    const { store, exp } = await setup();
    const parent = await store.createRun({
      experimentId: exp.id,
      parentRunId: null,
      name: 'p',
      startTime: 0,
    });
    const create = { experimentId: exp.id, parentRunId: parent.id, name: 'c', startTime: 1 };
    await store.write([
      { id: 'c1', create },
      { id: 'c2', create, status: 'FINISHED' },
    ]);
    expect(await store.endRun(parent.id, 'FINISHED')).toEqual({ killedChildren: 1 });
    expect(await store.getRun('c1')).toMatchObject({
      status: 'KILLED',
      tags: { [TAG_END_REASON]: 'parent run ended' },
    });
    expect((await store.getRun('c2'))!.status).toBe('FINISHED');
    expect((await store.getRun(parent.id))!.children).toMatchObject({ running: 0, killed: 1, finished: 1 });
    // Ended runs take no more data, but tags are still allowed (as MLflow allows).
    await expect(
      store.write([{ id: 'c1', metrics: [{ key: 'loss', value: 1, step: 0, timestamp: 0 }] }]),
    ).rejects.toBeInstanceOf(RunNotActiveError);
    await store.write([{ id: 'c1', tags: { note: 'late' } }]);
    expect(await store.endRun(parent.id, 'FAILED')).toEqual({ killedChildren: 0 });
    expect((await store.getRun(parent.id))!.status).toBe('FINISHED');
  });

  it('stores text, JSON and image artifacts apart from the run', async () => {
    const { store, exp } = await setup();
    const run = await store.createRun({ experimentId: exp.id, parentRunId: null, name: 'r', startTime: 0 });
    const blob = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    await store.write([
      {
        id: run.id,
        artifacts: [
          { name: 'notes.txt', content: { kind: 'text', text: '<b>not html</b>' } },
          { name: 'cfg.json', content: { kind: 'json', value: { a: [1, 2] } } },
          { name: 'plot.png', content: { kind: 'image', blob } },
        ],
      },
    ]);
    expect((await store.getRun(run.id))!.artifacts.map((a) => [a.name, a.kind, a.size])).toEqual([
      ['notes.txt', 'text', 15],
      ['cfg.json', 'json', 11],
      ['plot.png', 'image', 4],
    ]);
    expect(await store.getArtifact(run.id, 'notes.txt')).toEqual({ kind: 'text', text: '<b>not html</b>' });
    expect(await store.getArtifact(run.id, 'cfg.json')).toEqual({ kind: 'json', value: { a: [1, 2] } });
    const image = await store.getArtifact(run.id, 'plot.png');
    expect(image?.kind === 'image' && [...new Uint8Array(await image.blob.arrayBuffer())]).toEqual([
      137, 80, 78, 71,
    ]);
  });

  it('refuses writes to unknown runs and children of unknown parents', async () => {
    const { store, exp } = await setup();
    await expect(store.write([{ id: 'nope', tags: { a: 'b' } }])).rejects.toBeInstanceOf(RunNotFoundError);
    const orphan = { experimentId: exp.id, parentRunId: 'ghost', name: 'c', startTime: 0 };
    await expect(store.write([{ id: 'c', create: orphan }])).rejects.toBeInstanceOf(RunNotFoundError);
    expect(await store.getRun('c')).toBeUndefined();
  });

  it('reopens an ended run for resume', async () => {
    const { store, exp } = await setup();
    const run = await store.createRun({ experimentId: exp.id, parentRunId: null, name: 'r', startTime: 0 });
    await store.endRun(run.id, 'KILLED');
    expect(await store.reopenRun(run.id)).toMatchObject({ status: 'RUNNING', endTime: null });
  });
});
