/**
 * Schema migrations, one function per version step, run inside the `versionchange` transaction so
 * that a migration either completes or leaves the previous version untouched. They only await
 * IndexedDB requests of that transaction (awaiting anything else would let it commit half-done).
 *
 * The page cannot choose the durability of a versionchange transaction; browsers commit it before
 * the open succeeds, and the app writes nothing else until then.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { emptyChildSummary } from '../types';
import type { ChildSummary } from '../types';
import { INDEX, ROOT_PARENT, STORE } from './schema';
import type { TrackingSchema } from './schema';
import { indexFields } from './rows';
import type { RunRowV1, RunRowV2 } from './rows';
import { addChild } from './childSummary';

type UpgradeTx = IDBPTransaction<TrackingSchema, ArrayLike<StoreNames<TrackingSchema>>, 'versionchange'>;
type Migration = (db: IDBPDatabase<TrackingSchema>, tx: UpgradeTx) => Promise<void>;

/** Version 1: experiments, runs (by experiment, start time and parentRunId), metrics, artifacts. */
async function toV1(db: IDBPDatabase<TrackingSchema>): Promise<void> {
  const experiments = db.createObjectStore(STORE.experiments, { keyPath: 'id' });
  experiments.createIndex(INDEX.experimentByName, 'name', { unique: true });
  const runs = db.createObjectStore(STORE.runs, { keyPath: 'id' });
  runs.createIndex(INDEX.runsByExperiment, 'experimentId');
  runs.createIndex(INDEX.runsByStartTimeV1, 'startTime');
  runs.createIndex(INDEX.runsByParentRunIdV1, 'parentRunId');
  db.createObjectStore(STORE.metrics, { keyPath: ['runId', 'key', 'seq'] });
  db.createObjectStore(STORE.artifacts, { keyPath: ['runId', 'name'] });
}

/**
 * Version 2: runs get `parent` ('' for top-level runs, which IndexedDB can index where null it
 * cannot) and a child summary; indexes by parent, and two sparse ones (RUNNING runs; an
 * experiment's top-level runs by start time) replace the start-time index, which nothing read.
 * Every v1 row is rewritten; summaries are computed from the children found.
 */
async function toV2(_db: IDBPDatabase<TrackingSchema>, tx: UpgradeTx): Promise<void> {
  const runs = tx.objectStore(STORE.runs);
  const summaries = new Map<string, ChildSummary>();
  let cursor = await runs.openCursor();
  while (cursor) {
    const old = cursor.value as unknown as RunRowV1 | RunRowV2;
    if (old.v === 1) {
      const { parentRunId, ...rest } = old;
      const row: RunRowV2 = {
        ...rest,
        v: 2,
        parent: parentRunId ?? ROOT_PARENT,
        children: emptyChildSummary(),
        impliedMetrics: [],
      };
      Object.assign(row, indexFields(row));
      if (row.parent !== ROOT_PARENT) {
        const summary = summaries.get(row.parent) ?? emptyChildSummary();
        summaries.set(row.parent, addChild(summary, row, 1));
      }
      await cursor.update(row);
    }
    cursor = await cursor.continue();
  }
  for (const [parentId, summary] of summaries) {
    const parent = await runs.get(parentId);
    if (parent) await runs.put({ ...parent, children: summary });
  }
  runs.deleteIndex(INDEX.runsByParentRunIdV1);
  runs.deleteIndex(INDEX.runsByStartTimeV1);
  runs.createIndex(INDEX.runsByParent, 'parent');
  runs.createIndex(INDEX.runsByRunning, 'running');
  runs.createIndex(INDEX.runsByExperimentRoot, 'root');
}

/** Index i migrates from version i to i + 1. */
const MIGRATIONS: Migration[] = [toV1, toV2];

/** Runs every migration from `oldVersion` up to `newVersion`, in order. */
export async function migrate(
  db: IDBPDatabase<TrackingSchema>,
  tx: UpgradeTx,
  oldVersion: number,
  newVersion: number,
): Promise<void> {
  for (let version = oldVersion; version < newVersion; version++) {
    const step = MIGRATIONS[version];
    if (step === undefined) throw new Error(`No migration from schema version ${version}`);
    await step(db, tx);
  }
}
