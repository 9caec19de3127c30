/**
 * Applying deltas inside one readwrite transaction over runs, metrics and artifacts: read the rows
 * involved, apply (pure, may throw and so abort everything), keep each parent's child summary in
 * step, put. Only IndexedDB requests are awaited here.
 */
import { addChild } from '../db/childSummary';
import type { RunRow } from '../db/rows';
import { encodeRunRow } from '../db/rows';
import { decodeRunRow } from '../db/rows';
import { STORE } from '../db/schema';
import type { Tx } from '../db/tx';
import { RunNotFoundError } from '../errors';
import type { RunDelta } from '../runStore';
import type { Run } from '../types';
import { applyDelta } from './applyDelta';

/** Every write locks the same stores: run writes and experiment checks stay in one transaction. */
export const WRITE_STORES: ['experiments', 'runs', 'metrics', 'artifacts'] = [
  STORE.experiments,
  STORE.runs,
  STORE.metrics,
  STORE.artifacts,
];
export type WriteTx = Tx<typeof WRITE_STORES, 'readwrite'>;

/**
 * Marks a request's promise as handled: if a later step throws, the transaction aborts and every
 * pending request rejects with AbortError, which nobody awaits any more. The caller still awaits
 * them all (Promise.all) on the normal path.
 */
export function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

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

/** Applies `deltas` in order; throws (aborting the caller's transaction) on the first refusal. */
export async function writeDeltas(tx: WriteTx, deltas: readonly RunDelta[], now: number): Promise<Run[]> {
  const rows = new Map<string, RunRow | undefined>();
  await loadRows(
    tx,
    deltas.map((d) => d.id),
    rows,
  );
  const puts: Promise<unknown>[] = [];
  const changed = new Set<string>();
  const childChanges: { before: Run | undefined; after: Run }[] = [];
  const metrics = tx.objectStore(STORE.metrics);
  const artifacts = tx.objectStore(STORE.artifacts);
  for (const delta of deltas) {
    const applied = applyDelta(rows.get(delta.id), delta, now);
    rows.set(delta.id, applied.row);
    changed.add(delta.id);
    for (const row of applied.metricRows) puts.push(quiet(metrics.put(row)));
    for (const row of applied.artifactRows) puts.push(quiet(artifacts.put(row)));
    if (applied.after.parentRunId !== null) childChanges.push(applied);
  }
  await loadRows(
    tx,
    childChanges.map((c) => c.after.parentRunId!),
    rows,
  );
  for (const { before, after } of childChanges) {
    const parentRow = rows.get(after.parentRunId!);
    if (parentRow === undefined) throw new RunNotFoundError(after.parentRunId!);
    let children = parentRow.children;
    if (before !== undefined) children = addChild(children, before, -1);
    children = addChild(children, after, 1);
    rows.set(parentRow.id, { ...parentRow, children });
    changed.add(parentRow.id);
  }
  const runs = tx.objectStore(STORE.runs);
  const out: Run[] = [];
  for (const id of changed) {
    const row = rows.get(id)!;
    puts.push(quiet(runs.put(row)));
    out.push(decodeRunRow(row));
  }
  await Promise.all(puts);
  return out;
}

/** Re-encodes a row after changing its run (keeps the metric sequence). */
export function rowOf(run: Run, previous: RunRow): RunRow {
  return encodeRunRow(run, previous.metricSeq);
}
