/**
 * Turns what an objective returned into a trial result, validating it as
 * hyperopt/base.py:Domain.evaluate does, and more strictly where Hyperopt would store data that
 * cannot be compared or serialized.
 */
import { STATUS_OK, STATUS_STRINGS } from '../trials/types';
import type { JsonValue, Status, TrialResult } from '../trials/types';
import { findNonJson, isRecord } from '../trials/json';
import type { EvalFailure } from './errors';

/** What an objective may return: a loss, or a result object `{status, loss?, ...extra}`. */
export type ObjectiveResult = number | Readonly<Record<string, unknown>>;

/** A validated result, plus the `attachments` that Domain.evaluate pops off it. */
export type NormalizedResult =
  | { ok: true; result: TrialResult; attachments: Record<string, JsonValue> | undefined }
  | { ok: false; failure: EvalFailure };

const statusList = STATUS_STRINGS.join(', ');

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const invalid = (type: string, message: string): NormalizedResult => ({
  ok: false,
  failure: { type, message },
});

function checkLoss(loss: unknown, required: boolean): string | undefined {
  if (loss === undefined || loss === null)
    return required ? 'status "ok" needs a numeric loss, but there is none' : undefined;
  if (typeof loss !== 'number') return `loss must be a number, got ${describe(loss)}`;
  if (!Number.isFinite(loss)) return `loss must be a finite number, got ${String(loss)}`;
  return undefined;
}

/**
 * Validates an objective's return value.
 * - A number becomes `{loss, status: 'ok'}` (Domain.evaluate's `float(rval)`).
 * - An object needs `status` in STATUS_STRINGS (else InvalidResultStatus) and, for 'ok', a loss
 *   (else InvalidLoss). Beyond Hyperopt, which stores whatever `float()` accepts: the loss must be a
 *   finite number whatever the status (NaN, Infinity, numeric strings are rejected), and every extra
 *   field must be JSON-safe, so stored trials always compare and serialize.
 * - `attachments` (an object of JSON values) is removed from the result and returned separately.
 */
export function normalizeResult(raw: unknown): NormalizedResult {
  if (typeof raw === 'number') {
    const problem = checkLoss(raw, true);
    if (problem !== undefined) return invalid('InvalidLoss', `objective returned ${String(raw)}; ${problem}`);
    return { ok: true, result: { status: STATUS_OK, loss: raw }, attachments: undefined };
  }
  if (!isRecord(raw)) {
    return invalid(
      'InvalidResult',
      `objective must return a number or a result object {status, loss, ...}, got ${describe(raw)}`,
    );
  }
  const status = raw['status'];
  if (status === undefined)
    return invalid('InvalidResultStatus', `result has no status (expected one of ${statusList})`);
  if (typeof status !== 'string' || !(STATUS_STRINGS as readonly string[]).includes(status)) {
    return invalid('InvalidResultStatus', `result status ${describe(status)} is not one of ${statusList}`);
  }
  const lossProblem = checkLoss(raw['loss'], status === STATUS_OK);
  if (lossProblem !== undefined) return invalid('InvalidLoss', lossProblem);
  const result: TrialResult = { status: status as Status };
  let attachments: Record<string, JsonValue> | undefined;
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (key === 'status' || value === undefined || (value === null && key === 'loss')) continue;
    const problem = findNonJson(value, `result.${key}`);
    if (problem !== undefined) return invalid('InvalidResult', problem);
    if (key === 'attachments') {
      if (!isRecord(value))
        return invalid('InvalidResult', 'result.attachments must be an object of key -> JSON value');
      attachments = value as Record<string, JsonValue>;
    } else {
      result[key] = value as JsonValue;
    }
  }
  return { ok: true, result, attachments };
}

/** The failure for a thrown value: its class name and message (Hyperopt: `(str(type(e)), str(e))`). */
export function failureFromThrown(thrown: unknown): EvalFailure {
  if (thrown instanceof Error) return { type: thrown.name || 'Error', message: thrown.message, thrown };
  return {
    type: 'Error',
    message: `objective threw ${typeof thrown === 'string' ? JSON.stringify(thrown) : String(thrown)}`,
    thrown,
  };
}
