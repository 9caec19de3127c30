import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import '../testSupport';
import { IdbRunStore } from '../idb/idbRunStore';
import { openTrackingDb } from './open';
import type { RunRowV1 } from './rows';
import { INDEX, STORE } from './schema';

function v1Row(id: string, parentRunId: string | null, status: RunRowV1['status'], loss?: number): RunRowV1 {
  return {
    v: 1,
    id,
    experimentId: 'exp',
    parentRunId,
    name: id,
    status,
    startTime: id.length,
    endTime: status === 'RUNNING' ? null : 99,
    params: { p: id },
    tags: parentRunId ? { 'mlflow.parentRunId': parentRunId } : {},
    metrics: loss === undefined ? {} : { loss: { value: loss, step: 0, timestamp: 1 } },
    metricSeq: loss === undefined ? 0 : 1,
    artifacts: [],
    trial: null,
    heartbeatAt: null,
  };
}

describe('schema migration from version 1', () => {
  it('keeps every run, metric and artifact, adds the parent fields, indexes and child summaries', async () => {
    const factory = new IDBFactory();
    const v1 = await openTrackingDb({ factory, version: 1 });
    expect([...v1.objectStoreNames].sort()).toEqual(['artifacts', 'experiments', 'metrics', 'runs']);
    const tx = v1.transaction([STORE.experiments, STORE.runs, STORE.metrics, STORE.artifacts], 'readwrite');
    await tx.objectStore(STORE.experiments).put({ v: 1, id: 'exp', name: 'old', createdAt: 1 });
    const rows = [
      v1Row('parent', null, 'FINISHED'),
      v1Row('c1', 'parent', 'FINISHED', 0.5),
      v1Row('c22', 'parent', 'FINISHED', 0.2),
      v1Row('c333', 'parent', 'FAILED'),
    ];
    for (const row of rows) await tx.objectStore(STORE.runs).put(row as never);
    await tx
      .objectStore(STORE.metrics)
      .put({ runId: 'c1', key: 'loss', seq: 0, value: 0.5, step: 0, timestamp: 1 });
    await tx
      .objectStore(STORE.artifacts)
      .put({ runId: 'c1', name: 'a.txt', kind: 'text', mimeType: 'text/plain', size: 2, text: 'hi' });
    await tx.done;
    v1.close();

    const store = await IdbRunStore.open({ factory });
    const parent = (await store.getRun('parent'))!;
    expect(parent).toMatchObject({ parentRunId: null, params: { p: 'parent' }, status: 'FINISHED' });
    expect(parent.children).toEqual({
      total: 3,
      running: 0,
      finished: 2,
      failed: 1,
      killed: 0,
      bestLoss: 0.2,
      bestRunId: 'c22',
    });
    expect((await store.listRuns({ parentRunId: 'parent' })).map((r) => r.id).sort()).toEqual([
      'c1',
      'c22',
      'c333',
    ]);
    expect((await store.listRuns({ experimentId: 'exp', parentRunId: null })).map((r) => r.id)).toEqual([
      'parent',
    ]);
    expect(await store.getMetricHistory('c1', 'loss')).toEqual([
      { key: 'loss', value: 0.5, step: 0, timestamp: 1 },
    ]);
    expect(await store.getArtifact('c1', 'a.txt')).toEqual({ kind: 'text', text: 'hi' });
    expect((await store.listExperiments()).map((e) => e.name)).toEqual(['old']);
    store.close();

    const raw = await openTrackingDb({ factory });
    const indexes = [...raw.transaction(STORE.runs).objectStore(STORE.runs).indexNames].sort();
    expect(indexes).toEqual(
      [INDEX.runsByExperiment, INDEX.runsByExperimentRoot, INDEX.runsByParent, INDEX.runsByRunning].sort(),
    );
    const stored = await raw.get(STORE.runs, 'c1');
    expect(stored).toMatchObject({ v: 2, parent: 'parent' });
    expect('parentRunId' in stored!).toBe(false);
    raw.close();
  });

  it('creates the current schema directly on a fresh database', async () => {
    const store = await IdbRunStore.open({ factory: new IDBFactory() });
    expect(await store.listRuns()).toEqual([]);
    store.close();
  });
});
