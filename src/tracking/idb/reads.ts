/**
 * Read-only queries. Listing reads run rows only (never metric histories or artifact contents),
 * through the index that fits: a parent's children by `parent`, an experiment's top-level runs by
 * [experimentId, '', startTime].
 */
import { decodeRunRow } from '../db/rows';
import type { RunRow } from '../db/rows';
import { INDEX, ROOT_PARENT, STORE, metricKeyRange, runKeyRange } from '../db/schema';
import type { ArtifactRow } from '../db/schema';
import type { RunData } from '../runStore';
import type { Tx } from '../db/tx';
import type { RunListQuery } from '../runStore';
import type { JsonValue } from '../../core';
import type { ArtifactContent, MetricPoint, Run } from '../types';

type ReadTx = Tx<['runs', 'metrics', 'artifacts'], 'readonly'>;

export async function listRunsTx(tx: ReadTx, query: RunListQuery): Promise<Run[]> {
  const runs = tx.objectStore(STORE.runs);
  let rows: RunRow[];
  const { experimentId, parentRunId } = query;
  // IndexedDB counts what it returns, so a limit is passed on unless rows are filtered after.
  const limit = query.limit === undefined ? undefined : Math.max(0, Math.floor(query.limit));
  if (limit === 0) return [];
  if (typeof parentRunId === 'string') {
    const only = IDBKeyRange.only(parentRunId);
    const index = runs.index(INDEX.runsByParent);
    if (experimentId === undefined) rows = await index.getAll(only, limit);
    else rows = (await index.getAll(only)).filter((r) => r.experimentId === experimentId).slice(0, limit);
  } else if (parentRunId === null && experimentId !== undefined) {
    const range = IDBKeyRange.bound([experimentId, -Infinity], [experimentId, Infinity]);
    rows = await runs.index(INDEX.runsByExperimentRoot).getAll(range, limit);
  } else if (parentRunId === null) {
    rows = await runs.index(INDEX.runsByParent).getAll(ROOT_PARENT, limit);
  } else if (experimentId !== undefined) {
    rows = await runs.index(INDEX.runsByExperiment).getAll(experimentId, limit);
  } else {
    rows = await runs.getAll(undefined, limit);
  }
  return rows.map(decodeRunRow);
}

/**
 * The same runs as listRunsTx (without a limit), read with a cursor and handed to `onBatch`
 * `batchSize` at a time, decoded. A getAll of 10,000 runs arrives as one main-thread task of
 * 200 ms or more (the browser deserialises every row at once); a cursor's rows arrive one task
 * each, so reading never blocks the page, at the price of a slower read overall.
 */
export async function listRunsInBatchesTx(
  tx: ReadTx,
  query: RunListQuery,
  batchSize: number,
  onBatch: (runs: Run[]) => void,
): Promise<void> {
  const runs = tx.objectStore(STORE.runs);
  const { experimentId, parentRunId } = query;
  let keep = (_row: RunRow) => true;
  let cursor;
  if (typeof parentRunId === 'string') {
    if (experimentId !== undefined) keep = (row) => row.experimentId === experimentId;
    cursor = await runs.index(INDEX.runsByParent).openCursor(IDBKeyRange.only(parentRunId));
  } else if (parentRunId === null && experimentId !== undefined) {
    const range = IDBKeyRange.bound([experimentId, -Infinity], [experimentId, Infinity]);
    cursor = await runs.index(INDEX.runsByExperimentRoot).openCursor(range);
  } else if (parentRunId === null) {
    cursor = await runs.index(INDEX.runsByParent).openCursor(ROOT_PARENT);
  } else if (experimentId !== undefined) {
    cursor = await runs.index(INDEX.runsByExperiment).openCursor(experimentId);
  } else {
    cursor = await runs.openCursor();
  }
  const size = Math.max(1, Math.floor(batchSize));
  let batch: Run[] = [];
  while (cursor) {
    const row = cursor.value;
    if (keep(row)) batch.push(decodeRunRow(row));
    if (batch.length >= size) {
      onBatch(batch);
      batch = [];
    }
    cursor = await cursor.continue();
  }
  if (batch.length > 0) onBatch(batch);
}

/** A run's points of keys logged once, which have no metric row (RunRow.impliedMetrics). */
function impliedPoints(row: RunRow | undefined, only?: string): MetricPoint[] {
  if (row === undefined) return [];
  return (row.impliedMetrics ?? [])
    .filter((key) => only === undefined || key === only)
    .flatMap((key) => {
      const latest = row.metrics[key];
      return latest ? [{ key, value: latest.value, step: latest.step, timestamp: latest.timestamp }] : [];
    });
}

export async function metricHistoryTx(tx: ReadTx, runId: string, key: string): Promise<MetricPoint[]> {
  const rows = await tx.objectStore(STORE.metrics).getAll(metricKeyRange(runId, key));
  if (rows.length === 0) return impliedPoints(await tx.objectStore(STORE.runs).get(runId), key);
  return rows.map((r) => ({ key: r.key, value: r.value, step: r.step, timestamp: r.timestamp }));
}

function contentOf(row: ArtifactRow): ArtifactContent | undefined {
  if (row.kind === 'text') return { kind: 'text', text: row.text ?? '' };
  if (row.kind === 'json') return { kind: 'json', value: JSON.parse(row.json ?? 'null') as JsonValue };
  if (row.blob === undefined) return undefined;
  return { kind: 'image', blob: row.blob };
}

export async function artifactTx(
  tx: ReadTx,
  runId: string,
  name: string,
): Promise<ArtifactContent | undefined> {
  const row = await tx.objectStore(STORE.artifacts).get([runId, name]);
  return row === undefined ? undefined : contentOf(row);
}

/** Metric histories (in logging order) and artifacts of several runs, read in parallel requests. */
export async function runDataTx(tx: ReadTx, ids: readonly string[]): Promise<Map<string, RunData>> {
  const metrics = tx.objectStore(STORE.metrics);
  const artifacts = tx.objectStore(STORE.artifacts);
  const runs = tx.objectStore(STORE.runs);
  const [runRows, metricRows, artifactRows] = await Promise.all([
    Promise.all(ids.map((id) => runs.get(id))),
    Promise.all(ids.map((id) => metrics.getAll(runKeyRange(id)))),
    Promise.all(ids.map((id) => artifacts.getAll(runKeyRange(id)))),
  ]);
  const out = new Map<string, RunData>();
  ids.forEach((id, i) => {
    const stored = metricRows[i]!.sort((a, b) => a.seq - b.seq).map((r) => ({
      key: r.key,
      value: r.value,
      step: r.step,
      timestamp: r.timestamp,
    }));
    const points = [...impliedPoints(runRows[i]), ...stored];
    const files = artifactRows[i]!.flatMap((row) => {
      const content = contentOf(row);
      return content === undefined ? [] : [{ name: row.name, content }];
    });
    out.set(id, { metrics: points, artifacts: files });
  });
  return out;
}
