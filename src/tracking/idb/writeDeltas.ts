/**
 * Applying deltas inside one readwrite transaction over runs, metrics and artifacts: read the rows
 * involved, apply (pure, may throw and so abort everything), keep each parent's child summary in
 * step, put. Only IndexedDB requests are awaited here.
 */
import { unwrap } from 'idb';
import { addChild } from '../db/childSummary';
import type { RunRow } from '../db/rows';
import { STORE } from '../db/schema';
import type { Tx } from '../db/tx';
import { RunNotFoundError } from '../errors';
import type { RunDelta } from '../runStore';
import type { ChildSummary, Run } from '../types';
import { applyDelta } from './applyDelta';

/** Every write locks the same stores: run writes and experiment checks stay in one transaction. */
export const WRITE_STORES: ['experiments', 'runs', 'metrics', 'artifacts'] = [
  STORE.experiments,
  STORE.runs,
  STORE.metrics,
  STORE.artifacts,
];
export type WriteTx = Tx<typeof WRITE_STORES, 'readwrite'>;

/** Reads the rows with these ids (missing ones as undefined) into `rows`, in parallel requests. */
export async function loadRows(
  tx: WriteTx,
  ids: Iterable<string>,
  rows: Map<string, RunRow | undefined>,
): Promise<void> {
  const runs = tx.objectStore(STORE.runs);
  const wanted = [...new Set(ids)].filter((id) => !rows.has(id));
  const found = await Promise.all(wanted.map((id) => runs.get(id)));
  wanted.forEach((id, i) => rows.set(id, found[i]));
}

/**
 * Applies `deltas` in order; throws (aborting the caller's transaction) on the first refusal.
 *
 * The writes go through the raw IDBObjectStore (idb's `unwrap`): a pool writes tens of thousands of
 * rows per transaction, and a promise per request would cost more than the request. A failing
 * request aborts the transaction, which the caller sees when it awaits `tx.done`.
 */
export async function writeDeltas(tx: WriteTx, deltas: readonly RunDelta[], now: number): Promise<void> {
  const rows = new Map<string, RunRow | undefined>();
  const fresh = new Set(deltas.filter((d) => d.fresh === true && d.create !== undefined).map((d) => d.id));
  // Fresh runs need no read: a pool's trials arrive as fresh child runs, one request each.
  await loadRows(
    tx,
    deltas.filter((d) => !fresh.has(d.id)).map((d) => d.id),
    rows,
  );
  for (const id of fresh) if (!rows.has(id)) rows.set(id, undefined);
  const changed = new Set<string>();
  const summaries = new Map<string, ChildSummary>();
  const childChanges: { before: Run | undefined; after: Run }[] = [];
  const metrics = unwrap(tx.objectStore(STORE.metrics));
  const artifacts = unwrap(tx.objectStore(STORE.artifacts));
  for (const delta of deltas) {
    const applied = applyDelta(rows.get(delta.id), delta, now);
    rows.set(delta.id, applied.row);
    changed.add(delta.id);
    for (const row of applied.metricRows) metrics.put(row);
    for (const row of applied.artifactRows) artifacts.put(row);
    if (applied.after.parentRunId !== null) childChanges.push(applied);
  }
  await loadRows(
    tx,
    childChanges.map((c) => c.after.parentRunId!),
    rows,
  );
  for (const { before, after } of childChanges) {
    const parentId = after.parentRunId!;
    const parentRow = rows.get(parentId);
    if (parentRow === undefined) throw new RunNotFoundError(parentId);
    let children = summaries.get(parentId) ?? parentRow.children;
    if (before !== undefined) children = addChild(children, before, -1);
    summaries.set(parentId, addChild(children, after, 1));
  }
  for (const [parentId, children] of summaries) {
    rows.set(parentId, { ...rows.get(parentId)!, children });
    changed.add(parentId);
  }
  const runs = unwrap(tx.objectStore(STORE.runs));
  for (const id of changed) {
    const row = rows.get(id)!;
    if (fresh.has(id)) runs.add(row);
    else runs.put(row);
  }
}
