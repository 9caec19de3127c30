/**
 * Run rows as IndexedDB keeps them, and the one decode function from a stored row (of this or an
 * older schema version) to a Run. Rows are written only by this store, but a row may come from an
 * older version of the app, so every read goes through `decodeRunRow`.
 */
import { TrackingError } from '../errors';
import { RUN_STATUSES, emptyChildSummary } from '../types';
import type { ArtifactInfo, ChildSummary, LatestMetric, Run, RunStatus, TrialRecord } from '../types';

/** Do not change without a migration: the current row version. */
export const RUN_ROW_VERSION = 2;

/** The fields every version shares. */
interface RunRowCommon {
  id: string;
  experimentId: string;
  name: string;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: Record<string, LatestMetric>;
  /** Next metric sequence number of this run (MetricRow.seq). */
  metricSeq: number;
  /**
   * Metric keys logged exactly once so far, whose one point lives only in `metrics` (no metric
   * row): a trial's `loss` then costs no second put. The row is written when a second point comes.
   * Absent in version 1 rows (every point had a row).
   */
  impliedMetrics?: string[];
  artifacts: ArtifactInfo[];
  trial: TrialRecord | null;
  heartbeatAt: number | null;
}

/** Schema version 1: the parent as a nullable id, no child summary. */
export interface RunRowV1 extends RunRowCommon {
  v: 1;
  parentRunId: string | null;
}

/** Schema version 2: `parent` ('' for top-level runs, so it can be indexed) and a child summary. */
export interface RunRowV2 extends RunRowCommon {
  v: 2;
  parent: string;
  children: ChildSummary;
  /** 1 while RUNNING, absent otherwise (sparse index byRunning). */
  running?: 1;
  /** [experimentId, startTime] on top-level runs only (sparse index byExperimentRoot). */
  root?: [string, number];
}

/** The sparse index fields of a row, from what it is. */
export function indexFields(row: {
  status: RunStatus;
  parent: string;
  experimentId: string;
  startTime: number;
}): {
  running?: 1;
  root?: [string, number];
} {
  return {
    ...(row.status === 'RUNNING' ? { running: 1 as const } : {}),
    ...(row.parent === '' ? { root: [row.experimentId, row.startTime] as [string, number] } : {}),
  };
}

export type RunRow = RunRowV2;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function damaged(id: unknown, field: string): TrackingError {
  return new TrackingError(
    `The stored run ${typeof id === 'string' ? id : '(no id)'} is damaged (${field}); export what you can and delete it.`,
  );
}

/**
 * A Run from a stored row of version 1 or 2. Checks the shape cheaply (listing decodes 100,000
 * rows) and fills what older versions lacked.
 *
 * @throws TrackingError naming the run and the damaged field.
 */
export function decodeRunRow(raw: unknown): Run {
  if (!isRecord(raw)) throw damaged(undefined, 'not an object');
  const { id, v } = raw;
  if (typeof id !== 'string' || id === '') throw damaged(id, 'id');
  if (v !== 1 && v !== 2) throw damaged(id, `unknown row version ${String(v)}`);
  const status = raw['status'];
  if (typeof status !== 'string' || !(RUN_STATUSES as readonly string[]).includes(status))
    throw damaged(id, 'status');
  if (typeof raw['experimentId'] !== 'string') throw damaged(id, 'experimentId');
  if (!isTime(raw['startTime'])) throw damaged(id, 'startTime');
  const endTime = raw['endTime'];
  if (endTime !== null && !isTime(endTime)) throw damaged(id, 'endTime');
  for (const field of ['params', 'tags', 'metrics']) if (!isRecord(raw[field])) throw damaged(id, field);
  if (!Array.isArray(raw['artifacts'])) throw damaged(id, 'artifacts');
  let parentRunId: string | null;
  let children: ChildSummary;
  if (v === 1) {
    const p = raw['parentRunId'];
    if (p !== null && typeof p !== 'string') throw damaged(id, 'parentRunId');
    parentRunId = p === '' ? null : p;
    children = emptyChildSummary();
  } else {
    const p = raw['parent'];
    if (typeof p !== 'string') throw damaged(id, 'parent');
    parentRunId = p === '' ? null : p;
    if (!isRecord(raw['children'])) throw damaged(id, 'children');
    children = raw['children'] as unknown as ChildSummary;
  }
  const heartbeatAt = raw['heartbeatAt'];
  return {
    id,
    experimentId: raw['experimentId'],
    name: typeof raw['name'] === 'string' ? raw['name'] : '',
    status: status as RunStatus,
    startTime: raw['startTime'],
    endTime: endTime as number | null,
    parentRunId,
    params: raw['params'] as Record<string, string>,
    tags: raw['tags'] as Record<string, string>,
    metrics: raw['metrics'] as Record<string, LatestMetric>,
    artifacts: raw['artifacts'] as ArtifactInfo[],
    children,
    trial: isRecord(raw['trial']) ? (raw['trial'] as unknown as TrialRecord) : null,
    heartbeatAt: isTime(heartbeatAt) ? heartbeatAt : null,
  };
}

/** What a row keeps beyond the Run it decodes to. */
export interface RowInternals {
  metricSeq: number;
  impliedMetrics: string[];
}

/** The row for a run (current version), with the row's internal bookkeeping. */
export function encodeRunRow(run: Run, internals: RowInternals): RunRow {
  const parent = run.parentRunId ?? '';
  return {
    ...indexFields({ status: run.status, parent, experimentId: run.experimentId, startTime: run.startTime }),
    v: 2,
    id: run.id,
    experimentId: run.experimentId,
    parent,
    name: run.name,
    status: run.status,
    startTime: run.startTime,
    endTime: run.endTime,
    params: run.params,
    tags: run.tags,
    metrics: run.metrics,
    metricSeq: internals.metricSeq,
    impliedMetrics: internals.impliedMetrics,
    artifacts: run.artifacts,
    children: run.children,
    trial: run.trial,
    heartbeatAt: run.heartbeatAt,
  };
}
