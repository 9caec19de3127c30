/**
 * Deleting runs in one transaction: each run with its descendants, their metric histories and
 * artifacts, and the surviving parents' child summaries corrected, so that no orphan (a child
 * without its parent, a metric or artifact without its run) can remain even if the tab dies.
 */
import { addChild } from '../db/childSummary';
import { decodeRunRow } from '../db/rows';
import type { RunRow } from '../db/rows';
import { INDEX, STORE, runKeyRange } from '../db/schema';
import { emptyChildSummary } from '../types';
import { unwrap } from 'idb';
import type { WriteTx } from './writeDeltas';

/** The ids of `ids` and all their descendants, breadth first. */
async function withDescendants(tx: WriteTx, ids: readonly string[]): Promise<string[]> {
  const byParent = tx.objectStore(STORE.runs).index(INDEX.runsByParent);
  const all = new Set(ids);
  let level = [...all];
  while (level.length > 0) {
    const children = await Promise.all(level.map((id) => byParent.getAllKeys(id)));
    level = children.flat().filter((id) => !all.has(id));
    for (const id of level) all.add(id);
  }
  return [...all];
}

/** Deletes runs (and descendants) that exist; returns the ids deleted. */
export async function deleteRunsTx(tx: WriteTx, ids: readonly string[]): Promise<string[]> {
  const runs = tx.objectStore(STORE.runs);
  const existing = (await Promise.all(ids.map((id) => runs.get(id)))).filter(
    (r): r is RunRow => r !== undefined,
  );
  const doomed = await withDescendants(
    tx,
    existing.map((r) => r.id),
  );
  const gone = new Set(doomed);
  // Surviving parents lose a child each: correct their summaries.
  const survivors = new Map<string, RunRow>();
  for (const row of existing) {
    if (row.parent === '' || gone.has(row.parent)) continue;
    const parent = survivors.get(row.parent) ?? (await runs.get(row.parent));
    if (parent === undefined) continue;
    const child = decodeRunRow(row);
    let children = addChild(parent.children, child, -1);
    if (children.bestRunId === null && children.finished > 0) {
      // The best child was deleted: find the next best among the remaining ones.
      const rest = await runs.index(INDEX.runsByParent).getAll(parent.id);
      children = rest
        .filter((r) => !gone.has(r.id))
        .reduce((sum, r) => addChild(sum, decodeRunRow(r), 1), emptyChildSummary());
    }
    survivors.set(parent.id, { ...parent, children });
  }
  const rawRuns = unwrap(runs);
  for (const parent of survivors.values()) rawRuns.put(parent);
  // Raw requests: their failure aborts the transaction, which the caller awaits.
  const metrics = unwrap(tx.objectStore(STORE.metrics));
  const artifacts = unwrap(tx.objectStore(STORE.artifacts));
  for (const id of doomed) {
    rawRuns.delete(id);
    metrics.delete(runKeyRange(id));
    artifacts.delete(runKeyRange(id));
  }
  return doomed;
}
