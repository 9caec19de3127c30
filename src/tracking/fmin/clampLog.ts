/**
 * Bounding what an objective logged before it is stored (limits.ts, the autologging rule): never
 * fail the trial's run for it, cut what is too long, drop what is too many or malformed, and say
 * so in the run's `playground.truncated` tag. The runtime checks the same limits in the worker and
 * the driver; this is the store's own line of defence, since a store must not trust its callers
 * with untrusted content.
 */
import { LIMITS, OBJECTIVE_LIMITS, TAG_TRUNCATED, truncate } from '../limits';
import type { ArtifactContent, MetricPoint } from '../types';
import type { TrialLog } from './events';

export interface ClampedLog {
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: MetricPoint[];
  artifacts: { name: string; content: ArtifactContent }[];
  /** What was cut or dropped, in words; empty when nothing was. */
  notes: string[];
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Tags the objective may not set: autologging owns them. */
const SYSTEM_TAG = /^(mlflow\.|playground\.|runSource$|fmin_uuid|trial_status$|space$)/;

const validKey = (key: unknown): key is string =>
  typeof key === 'string' && key.length > 0 && key.length <= LIMITS.keyChars && !CONTROL.test(key);

function clampRecord(
  what: 'param' | 'tag',
  input: Record<string, unknown>,
  maxItems: number,
  maxChars: number,
  notes: string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  let dropped = 0;
  for (const [key, raw] of Object.entries(input)) {
    if (!validKey(key) || (what === 'tag' && SYSTEM_TAG.test(key))) {
      notes.push(`${what} ${JSON.stringify(key.slice(0, 60))} dropped (reserved or invalid key)`);
      continue;
    }
    if (Object.keys(out).length >= maxItems) {
      dropped++;
      continue;
    }
    const value = typeof raw === 'string' ? raw : String(raw);
    if (value.length > maxChars) notes.push(`${what} '${key}' cut to ${maxChars} characters`);
    out[key] = truncate(value, maxChars);
  }
  if (dropped > 0) notes.push(`${dropped} ${what}s dropped (limit ${maxItems})`);
  return out;
}

function clampMetrics(input: readonly MetricPoint[], notes: string[]): MetricPoint[] {
  const out: MetricPoint[] = [];
  let invalid = 0;
  for (const point of input.slice(0, OBJECTIVE_LIMITS.metricPoints)) {
    const ok =
      validKey(point.key) &&
      typeof point.value === 'number' &&
      Number.isSafeInteger(point.step) &&
      Number.isFinite(point.timestamp);
    if (ok) out.push({ key: point.key, value: point.value, step: point.step, timestamp: point.timestamp });
    else invalid++;
  }
  if (input.length > OBJECTIVE_LIMITS.metricPoints) {
    notes.push(
      `${input.length - OBJECTIVE_LIMITS.metricPoints} metric values dropped (limit ${OBJECTIVE_LIMITS.metricPoints})`,
    );
  }
  if (invalid > 0) notes.push(`${invalid} malformed metric values dropped`);
  return out;
}

function clampArtifacts(log: TrialLog, notes: string[]): { name: string; content: ArtifactContent }[] {
  const max = OBJECTIVE_LIMITS.artifactChars;
  const out: { name: string; content: ArtifactContent }[] = [];
  for (const { name, content } of log.artifacts) {
    if (!validKey(name) || typeof content !== 'string') {
      notes.push('a malformed artifact dropped');
      continue;
    }
    if (out.length >= OBJECTIVE_LIMITS.artifacts) {
      notes.push(`artifact '${name}' dropped (limit ${OBJECTIVE_LIMITS.artifacts})`);
      continue;
    }
    if (content.length > max) notes.push(`artifact '${name}' cut to ${max} characters`);
    out.push({ name, content: { kind: 'text', text: truncate(content, max) } });
  }
  const lines = log.logs ?? [];
  if (lines.length > 0) {
    const text = lines.map((l) => `${String(l.level)}: ${String(l.text)}`).join('\n');
    out.push({ name: 'console.log', content: { kind: 'text', text: truncate(text, max) } });
  }
  return out;
}

/** Bounds an objective's log; `notes` says what was cut. */
export function clampLog(log: TrialLog | undefined): ClampedLog {
  const notes: string[] = [];
  if (log === undefined) return { params: {}, tags: {}, metrics: [], artifacts: [], notes };
  return {
    params: clampRecord(
      'param',
      log.params,
      OBJECTIVE_LIMITS.params,
      OBJECTIVE_LIMITS.paramValueChars,
      notes,
    ),
    tags: clampRecord('tag', log.tags, OBJECTIVE_LIMITS.tags, OBJECTIVE_LIMITS.tagValueChars, notes),
    metrics: clampMetrics(log.metrics, notes),
    artifacts: clampArtifacts(log, notes),
    notes,
  };
}

/** The `playground.truncated` tag for `notes`, or nothing. */
export function truncationTag(notes: readonly string[]): Record<string, string> {
  return notes.length === 0
    ? {}
    : { [TAG_TRUNCATED]: truncate(notes.join('; '), OBJECTIVE_LIMITS.tagValueChars) };
}
