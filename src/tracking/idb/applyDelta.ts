/**
 * The pure part of every write: a run row and a delta in, the new row and the metric and artifact
 * rows to put out. Checks write-once params, that the run takes data, and every bound (limits.ts),
 * so the transaction that calls it either stores all of a delta or (throwing) none of it.
 */
import { LimitError, ParamConflictError, RunNotActiveError, RunNotFoundError } from '../errors';
import { LIMITS, checkCount, checkKey, checkMetric, checkValue } from '../limits';
import { decodeRunRow, encodeRunRow } from '../db/rows';
import type { RunRow } from '../db/rows';
import type { ArtifactRow, MetricRow } from '../db/schema';
import type { RunDelta } from '../runStore';
import { TAG_PARENT_RUN_ID, TAG_RUN_NAME, emptyChildSummary } from '../types';
import type { ArtifactContent, ArtifactInfo, MetricPoint, Run } from '../types';

export interface Applied {
  /** The run before the delta (undefined when the delta created it). */
  before: Run | undefined;
  after: Run;
  row: RunRow;
  metricRows: MetricRow[];
  artifactRows: ArtifactRow[];
}

function newRun(delta: RunDelta): Run {
  const create = delta.create;
  if (create === undefined) throw new RunNotFoundError(delta.id);
  checkKey('A run id', delta.id);
  checkValue('A run name', create.name, LIMITS.keyChars);
  const tags: Record<string, string> = {};
  if (create.parentRunId !== null) tags[TAG_PARENT_RUN_ID] = create.parentRunId;
  return {
    id: delta.id,
    experimentId: create.experimentId,
    name: create.name,
    status: 'RUNNING',
    startTime: create.startTime,
    endTime: null,
    parentRunId: create.parentRunId,
    params: {},
    tags,
    metrics: {},
    artifacts: [],
    children: emptyChildSummary(),
    trial: null,
    heartbeatAt: null,
  };
}

/** The artifact row for `content`, after checking its name and size. */
export function artifactRow(runId: string, name: string, content: ArtifactContent): ArtifactRow {
  checkKey('An artifact name', name);
  if (content.kind === 'text') {
    checkValue(`Artifact '${name}'`, content.text, LIMITS.artifactChars);
    return {
      runId,
      name,
      kind: 'text',
      mimeType: 'text/plain',
      size: content.text.length,
      text: content.text,
    };
  }
  if (content.kind === 'json') {
    const json = JSON.stringify(content.value);
    if (json === undefined) throw new LimitError(`Artifact '${name}'`, 'must be a JSON value');
    checkValue(`Artifact '${name}'`, json, LIMITS.artifactChars);
    return { runId, name, kind: 'json', mimeType: 'application/json', size: json.length, json };
  }
  const blob = content.blob;
  if (!/^image\/[a-z0-9.+-]+$/i.test(blob.type)) {
    throw new LimitError(`Image artifact '${name}'`, `must have an image MIME type (got '${blob.type}')`);
  }
  if (blob.size > LIMITS.imageBytes) {
    throw new LimitError(
      `Image artifact '${name}'`,
      `has ${blob.size} bytes; the limit is ${LIMITS.imageBytes}`,
    );
  }
  return { runId, name, kind: 'image', mimeType: blob.type, size: blob.size, blob };
}

function mergeParams(run: Run, params: Record<string, string>): void {
  for (const [key, value] of Object.entries(params)) {
    checkKey('A param key', key);
    checkValue(`Param '${key}'`, value, LIMITS.paramValueChars);
    const old = run.params[key];
    if (old !== undefined && old !== value) throw new ParamConflictError(run.id, key, old, value);
    run.params[key] = value;
  }
  checkCount(`The number of params of run ${run.id}`, Object.keys(run.params).length, LIMITS.params);
}

function mergeTags(run: Run, tags: Record<string, string>): void {
  for (const [key, value] of Object.entries(tags)) {
    checkKey('A tag key', key);
    run.tags[key] = checkValue(`Tag '${key}'`, value, LIMITS.tagValueChars);
  }
  checkCount(`The number of tags of run ${run.id}`, Object.keys(run.tags).length, LIMITS.tags);
}

function rename(run: Run, name: string): void {
  run.name = checkValue('A run name', name, LIMITS.keyChars);
  if (run.tags[TAG_RUN_NAME] !== undefined) run.tags[TAG_RUN_NAME] = name;
}

function deleteTags(run: Run, keys: readonly string[]): void {
  const gone = new Set<string>();
  for (const key of keys) {
    checkKey('A tag key', key);
    // The parent link is structure, not annotation: dropping it would orphan the child in lists.
    if (key === TAG_PARENT_RUN_ID && run.parentRunId !== null) {
      throw new LimitError(`Tag '${key}'`, 'links a child run to its parent and cannot be deleted');
    }
    gone.add(key);
  }
  run.tags = Object.fromEntries(Object.entries(run.tags).filter(([key]) => !gone.has(key)));
}

/** Applies `delta` to `existing` (a stored row, or undefined when the delta creates the run). */
export function applyDelta(existing: RunRow | undefined, delta: RunDelta, now: number): Applied {
  const before = existing === undefined ? undefined : decodeRunRow(existing);
  const run: Run =
    before === undefined
      ? newRun(delta)
      : {
          ...before,
          params: { ...before.params },
          tags: { ...before.tags },
          metrics: { ...before.metrics },
          artifacts: [...before.artifacts],
        };
  const created = before === undefined;
  const takesData = created || run.status === 'RUNNING' || delta.status === 'RUNNING';
  const carriesData =
    delta.params !== undefined ||
    delta.metrics !== undefined ||
    delta.artifacts !== undefined ||
    delta.trial !== undefined;
  if (carriesData && !takesData) throw new RunNotActiveError(run.id, run.status);
  if (delta.params) mergeParams(run, delta.params);
  if (delta.name !== undefined) rename(run, delta.name);
  if (delta.deleteTags) deleteTags(run, delta.deleteTags);
  if (delta.tags) mergeTags(run, delta.tags);
  let seq = existing?.metricSeq ?? 0;
  const implied = new Set(existing?.impliedMetrics ?? []);
  const metricRows: MetricRow[] = [];
  const addRow = (key: string, p: { value: number; step: number; timestamp: number }) =>
    metricRows.push({ runId: run.id, key, seq: seq++, value: p.value, step: p.step, timestamp: p.timestamp });
  const byKey = new Map<string, MetricPoint[]>();
  for (const point of delta.metrics ?? []) {
    checkKey('A metric key', point.key);
    checkMetric(point.key, point.value, point.step, point.timestamp);
    const list = byKey.get(point.key);
    if (list) list.push(point);
    else byKey.set(point.key, [point]);
  }
  for (const [key, points] of byKey) {
    const previous = run.metrics[key];
    if (previous === undefined && points.length === 1) {
      // A key's first and (so far) only point: its history is its latest value, no row needed.
      implied.add(key);
    } else {
      if (previous !== undefined && implied.delete(key)) addRow(key, previous);
      for (const point of points) addRow(key, point);
    }
    for (const point of points) {
      const latest = run.metrics[key];
      // MLflow's latest metric: the highest step, then the latest timestamp.
      if (
        latest === undefined ||
        point.step > latest.step ||
        (point.step === latest.step && point.timestamp >= latest.timestamp)
      ) {
        run.metrics[key] = { value: point.value, step: point.step, timestamp: point.timestamp };
      }
    }
  }
  checkCount(`The number of metric values of run ${run.id}`, seq + implied.size, LIMITS.metricPoints);
  checkCount(
    `The number of metric keys of run ${run.id}`,
    Object.keys(run.metrics).length,
    LIMITS.metricKeys,
  );
  const artifactRows = (delta.artifacts ?? []).map((a) => artifactRow(run.id, a.name, a.content));
  for (const row of artifactRows) {
    const info: ArtifactInfo = { name: row.name, kind: row.kind, mimeType: row.mimeType, size: row.size };
    const at = run.artifacts.findIndex((a) => a.name === row.name);
    if (at >= 0) run.artifacts[at] = info;
    else run.artifacts.push(info);
  }
  checkCount(`The number of artifacts of run ${run.id}`, run.artifacts.length, LIMITS.artifacts);
  if (delta.trial !== undefined) run.trial = delta.trial;
  if (delta.status !== undefined && delta.status !== run.status) {
    run.status = delta.status;
    if (delta.status === 'RUNNING') {
      run.endTime = null;
    } else {
      run.endTime = delta.endTime ?? now;
      run.heartbeatAt = null;
    }
  } else if (delta.endTime !== undefined && run.status !== 'RUNNING') {
    run.endTime = delta.endTime;
  }
  // After the status: a heartbeat only counts for a running run (a late beat must not revive an
  // ended one, and a reopened run beats from its reopening).
  if (delta.heartbeatAt !== undefined && run.status === 'RUNNING') run.heartbeatAt = delta.heartbeatAt;
  return {
    before,
    after: run,
    row: encodeRunRow(run, { metricSeq: seq, impliedMetrics: [...implied] }),
    metricRows,
    artifactRows,
  };
}
