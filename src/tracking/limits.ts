/**
 * Bounds on what a run may hold. Objectives are untrusted code, so everything they log is bounded
 * before it is stored, and stored as data (strings, numbers, Blobs), never as markup.
 *
 * Two rules, one per caller:
 * - The store's API is strict: content beyond a bound throws LimitError naming the field, and
 *   nothing of that write is stored.
 * - Autologging of what an objective logged (fmin/clampLog.ts) never fails a run for it: values
 *   beyond a bound are cut to the bound with a trailing "…", items beyond a count are dropped, and
 *   the run gets the tag `playground.truncated` saying what was cut.
 *
 * MLflow's own limits where it has them (keys 250, param values 6,000); the tag limit is the
 * 64 KiB Databricks uses for the `space` tag (hyperopt/mlflow_utils.py: _MAX_MLFLOW_TAG_LEN).
 */
import { LimitError } from './errors';

export const LIMITS = {
  /** Keys of params, tags and metrics, artifact names, run and experiment names. */
  keyChars: 250,
  paramValueChars: 6_000,
  tagValueChars: 64 * 1024 - 1,
  /** Per run. */
  params: 1_000,
  tags: 1_000,
  metricKeys: 1_000,
  metricPoints: 100_000,
  artifacts: 100,
  /** One text artifact, or one JSON artifact as JSON text. */
  artifactChars: 1_000_000,
  /** One image artifact. */
  imageBytes: 10 * 1024 * 1024,
  /** The `result` object kept for a trial, as JSON text. */
  trialResultChars: 10_000,
} as const;

/** Limits for what one objective logs in one trial (the runtime's TRIAL_LIMITS mirror these). */
export const OBJECTIVE_LIMITS = {
  paramValueChars: 6_000,
  tagValueChars: 5_000,
  params: 200,
  tags: 200,
  metricPoints: 10_000,
  artifacts: 20,
  artifactChars: 1_000_000,
} as const;

/** The tag that says what autologging cut. */
export const TAG_TRUNCATED = 'playground.truncated';

/** A control character (C0, DEL, C1): never part of a key, so keys display and export cleanly. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Throws LimitError unless `key` is a non-empty string of at most 250 characters without controls. */
export function checkKey(what: string, key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) throw new LimitError(what, 'must be a non-empty string');
  if (key.length > LIMITS.keyChars) {
    throw new LimitError(
      `${what} '${key.slice(0, 40)}…'`,
      `has ${key.length} characters; the limit is ${LIMITS.keyChars}`,
    );
  }
  if (CONTROL.test(key))
    throw new LimitError(`${what} ${JSON.stringify(key)}`, 'must not contain control characters');
  return key;
}

/** Throws LimitError unless `value` is a string of at most `max` characters. */
export function checkValue(what: string, value: unknown, max: number): string {
  if (typeof value !== 'string') throw new LimitError(what, `must be a string (got ${typeof value})`);
  if (value.length > max) throw new LimitError(what, `has ${value.length} characters; the limit is ${max}`);
  return value;
}

/** Throws LimitError when a run would hold more than `max` items of a kind. */
export function checkCount(what: string, count: number, max: number): void {
  if (count > max) throw new LimitError(what, `would be ${count}; a run may hold at most ${max}`);
}

/** `text` cut to `max` characters with a trailing "…" (autologging's rule). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A metric must be a finite number or NaN/±Infinity as MLflow allows; steps are integers. */
export function checkMetric(key: string, value: unknown, step: unknown, timestamp: unknown): void {
  if (typeof value !== 'number') throw new LimitError(`Metric '${key}'`, 'must be a number');
  if (typeof step !== 'number' || !Number.isSafeInteger(step))
    throw new LimitError(`The step of metric '${key}'`, 'must be an integer');
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) {
    throw new LimitError(`The timestamp of metric '${key}'`, 'must be a finite number of milliseconds');
  }
}
