/**
 * The export file: one versioned JSON document holding experiments and runs with their metric
 * histories and artifacts (images as base64), and its decode function, the boundary every file a
 * user picks passes through before anything is stored.
 */
import type { JsonValue } from '../../core';
import { ImportFormatError } from '../errors';
import { RUN_STATUSES } from '../types';
import type { Experiment, MetricPoint, RunStatus, TrialRecord } from '../types';

/** Do not change without bumping EXPORT_VERSION and decoding the old version too. */
export const EXPORT_FORMAT = 'hyperopt-playground-runs';
export const EXPORT_VERSION = 1;

export type ExportedArtifact =
  | { name: string; kind: 'text'; text: string }
  | { name: string; kind: 'json'; value: JsonValue }
  | { name: string; kind: 'image'; mimeType: string; base64: string };

export interface ExportedRun {
  id: string;
  experimentId: string;
  name: string;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  parentRunId: string | null;
  params: Record<string, string>;
  tags: Record<string, string>;
  /** Every logged value, in logging order (the latest values are derived from it). */
  metrics: MetricPoint[];
  artifacts: ExportedArtifact[];
  trial: TrialRecord | null;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  experiments: Experiment[];
  /** Parents before their children. */
  runs: ExportedRun[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function need(ok: boolean, field: string, problem: string): void {
  if (!ok) throw new ImportFormatError(field, problem);
}

function stringRecord(value: unknown, field: string): Record<string, string> {
  need(isRecord(value), field, 'must be an object of strings');
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    need(typeof v === 'string', `${field}.${k}`, 'must be a string');
  return value as Record<string, string>;
}

function decodeArtifact(value: unknown, field: string): ExportedArtifact {
  need(isRecord(value), field, 'must be an object');
  const a = value as Record<string, unknown>;
  need(typeof a['name'] === 'string', `${field}.name`, 'must be a string');
  if (a['kind'] === 'text') {
    need(typeof a['text'] === 'string', `${field}.text`, 'must be a string');
  } else if (a['kind'] === 'json') {
    need('value' in a, `${field}.value`, 'is missing');
  } else {
    need(a['kind'] === 'image', `${field}.kind`, "must be 'text', 'json' or 'image'");
    need(
      typeof a['mimeType'] === 'string' && /^image\//.test(a['mimeType']),
      `${field}.mimeType`,
      'must be an image MIME type',
    );
    need(
      typeof a['base64'] === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(a['base64']),
      `${field}.base64`,
      'must be base64 text',
    );
  }
  return a as unknown as ExportedArtifact;
}

function decodeRun(value: unknown, field: string): ExportedRun {
  need(isRecord(value), field, 'must be an object');
  const r = value as Record<string, unknown>;
  for (const key of ['id', 'experimentId', 'name'])
    need(
      typeof r[key] === 'string' && (key === 'name' || r[key] !== ''),
      `${field}.${key}`,
      'must be a non-empty string',
    );
  need(
    (RUN_STATUSES as readonly unknown[]).includes(r['status']),
    `${field}.status`,
    `must be one of ${RUN_STATUSES.join(', ')}`,
  );
  need(isTime(r['startTime']), `${field}.startTime`, 'must be a time in milliseconds');
  need(
    r['endTime'] === null || isTime(r['endTime']),
    `${field}.endTime`,
    'must be a time in milliseconds or null',
  );
  need(
    r['parentRunId'] === null || (typeof r['parentRunId'] === 'string' && r['parentRunId'] !== ''),
    `${field}.parentRunId`,
    'must be a run id or null',
  );
  stringRecord(r['params'], `${field}.params`);
  stringRecord(r['tags'], `${field}.tags`);
  need(Array.isArray(r['metrics']), `${field}.metrics`, 'must be a list');
  (r['metrics'] as unknown[]).forEach((m, i) => {
    const at = `${field}.metrics[${i}]`;
    need(isRecord(m), at, 'must be an object');
    const p = m as Record<string, unknown>;
    need(
      typeof p['key'] === 'string' &&
        typeof p['value'] === 'number' &&
        Number.isSafeInteger(p['step']) &&
        isTime(p['timestamp']),
      at,
      'must be {key, value, step, timestamp}',
    );
  });
  need(Array.isArray(r['artifacts']), `${field}.artifacts`, 'must be a list');
  (r['artifacts'] as unknown[]).forEach((a, i) => decodeArtifact(a, `${field}.artifacts[${i}]`));
  const trial = r['trial'];
  need(
    trial === null || (isRecord(trial) && Number.isSafeInteger(trial['tid']) && isRecord(trial['vals'])),
    `${field}.trial`,
    'must be a trial record or null',
  );
  return r as unknown as ExportedRun;
}

/**
 * Validates an export file (parsed JSON or its text).
 *
 * @throws ImportFormatError naming the first field that is wrong.
 */
export function decodeExportFile(input: unknown): ExportFile {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch {
      throw new ImportFormatError('the file', 'is not JSON');
    }
  }
  need(isRecord(value), 'the file', 'must hold a JSON object');
  const file = value as Record<string, unknown>;
  need(file['format'] === EXPORT_FORMAT, 'format', `must be '${EXPORT_FORMAT}'`);
  need(
    file['version'] === EXPORT_VERSION,
    'version',
    `${String(file['version'])} is not supported (this app reads version ${EXPORT_VERSION}); update the app`,
  );
  need(isTime(file['exportedAt']), 'exportedAt', 'must be a time in milliseconds');
  need(Array.isArray(file['experiments']), 'experiments', 'must be a list');
  (file['experiments'] as unknown[]).forEach((e, i) => {
    need(
      isRecord(e) &&
        typeof e['id'] === 'string' &&
        e['id'] !== '' &&
        typeof e['name'] === 'string' &&
        isTime(e['createdAt']),
      `experiments[${i}]`,
      'must be {id, name, createdAt}',
    );
  });
  need(Array.isArray(file['runs']), 'runs', 'must be a list');
  const runs = (file['runs'] as unknown[]).map((r, i) => decodeRun(r, `runs[${i}]`));
  const experimentIds = new Set((file['experiments'] as Experiment[]).map((e) => e.id));
  const runIds = new Set<string>();
  runs.forEach((run, i) => {
    need(
      experimentIds.has(run.experimentId),
      `runs[${i}].experimentId`,
      'must name an experiment of the file',
    );
    need(!runIds.has(run.id), `runs[${i}].id`, 'appears twice');
    runIds.add(run.id);
  });
  return file as unknown as ExportFile;
}
