/**
 * Structural validation of trial documents, shared by `Trials.insertTrialDocs` (Hyperopt's
 * base.py:Trials.assert_valid_trial) and `Trials.fromJSON`. Every problem names its field.
 */
import { STATUS_STRINGS } from './types';
import type { TrialDoc } from './types';
import { findNonJson, isRecord } from './json';

/** Where a document is malformed: the field path and what is wrong with it. */
export interface DocProblem {
  field: string;
  problem: string;
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNullableString = (v: unknown): boolean => v === null || typeof v === 'string';
const isNullableTime = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

function checkLabelLists(value: unknown, field: string, kind: 'idxs' | 'vals'): DocProblem | undefined {
  if (!isRecord(value)) return { field, problem: `must be an object label -> list (got ${show(value)})` };
  for (const [label, list] of Object.entries(value)) {
    const ok =
      Array.isArray(list) &&
      list.length <= 1 &&
      list.every((x) => (kind === 'idxs' ? isInt(x) : typeof x === 'number' && Number.isFinite(x)));
    if (!ok) {
      const what = kind === 'idxs' ? 'integer tid' : 'finite number';
      return { field: `${field}.${label}`, problem: `must be [] or [<${what}>] (got ${show(list)})` };
    }
  }
  return undefined;
}

function checkMisc(misc: unknown, tid: number, at: string): DocProblem | undefined {
  if (!isRecord(misc)) return { field: `${at}.misc`, problem: `must be an object (got ${show(misc)})` };
  if (misc['tid'] !== tid) {
    return {
      field: `${at}.misc.tid`,
      problem: `must equal the trial's tid ${tid} (got ${show(misc['tid'])})`,
    };
  }
  const cmd = misc['cmd'];
  if (!Array.isArray(cmd) || cmd.length !== 2 || !cmd.every((c) => typeof c === 'string')) {
    return { field: `${at}.misc.cmd`, problem: `must be a pair of strings (got ${show(cmd)})` };
  }
  if (!isNullableString(misc['workdir'])) {
    return {
      field: `${at}.misc.workdir`,
      problem: `must be a string or null (got ${show(misc['workdir'])})`,
    };
  }
  const idxProblem = checkLabelLists(misc['idxs'], `${at}.misc.idxs`, 'idxs');
  if (idxProblem) return idxProblem;
  const valProblem = checkLabelLists(misc['vals'], `${at}.misc.vals`, 'vals');
  if (valProblem) return valProblem;
  const idxs = misc['idxs'] as Record<string, number[]>;
  const vals = misc['vals'] as Record<string, number[]>;
  for (const label of Object.keys(vals)) {
    const idx = idxs[label];
    const val = vals[label] ?? [];
    if (idx === undefined || idx.length !== val.length || (idx.length === 1 && idx[0] !== tid)) {
      return {
        field: `${at}.misc.idxs.${label}`,
        problem: `must be [${tid}] when the label has a value and [] otherwise (got ${show(idx)})`,
      };
    }
  }
  const error = misc['error'];
  if (
    error !== undefined &&
    !(Array.isArray(error) && error.length === 2 && error.every((e) => typeof e === 'string'))
  ) {
    return {
      field: `${at}.misc.error`,
      problem: `must be a pair of strings [type, message] (got ${show(error)})`,
    };
  }
  return undefined;
}

function checkResult(result: unknown, at: string): DocProblem | undefined {
  if (!isRecord(result)) return { field: `${at}.result`, problem: `must be an object (got ${show(result)})` };
  const status = result['status'];
  if (typeof status !== 'string' || !(STATUS_STRINGS as readonly string[]).includes(status)) {
    return {
      field: `${at}.result.status`,
      problem: `must be one of ${STATUS_STRINGS.join(', ')} (got ${show(status)})`,
    };
  }
  const loss = result['loss'];
  if (loss !== undefined && !(typeof loss === 'number' && Number.isFinite(loss))) {
    return {
      field: `${at}.result.loss`,
      problem: `must be a finite number when present (got ${show(loss)})`,
    };
  }
  if (status === 'ok' && loss === undefined) {
    return { field: `${at}.result.loss`, problem: 'is required when status is "ok"' };
  }
  const nonJson = findNonJson(result, `${at}.result`);
  return nonJson === undefined
    ? undefined
    : { field: `${at}.result`, problem: `is not JSON-safe: ${nonJson}` };
}

/**
 * Checks that `value` is a well-formed trial document; returns the first problem found or
 * undefined. `at` prefixes field paths (e.g. `trials[3]`).
 */
export function findTrialDocProblem(value: unknown, at: string): DocProblem | undefined {
  if (!isRecord(value)) return { field: at, problem: `must be a trial document object (got ${show(value)})` };
  const tid = value['tid'];
  if (!isInt(tid) || tid < 0)
    return { field: `${at}.tid`, problem: `must be a non-negative integer (got ${show(tid)})` };
  const state = value['state'];
  if (!isInt(state) || state < 0 || state > 4) {
    return { field: `${at}.state`, problem: `must be a job state 0..4 (got ${show(state)})` };
  }
  if (value['spec'] !== null)
    return { field: `${at}.spec`, problem: `must be null (got ${show(value['spec'])})` };
  const resultProblem = checkResult(value['result'], at);
  if (resultProblem) return resultProblem;
  const miscProblem = checkMisc(value['misc'], tid, at);
  if (miscProblem) return miscProblem;
  for (const key of ['expKey', 'owner'] as const) {
    if (!isNullableString(value[key])) {
      return { field: `${at}.${key}`, problem: `must be a string or null (got ${show(value[key])})` };
    }
  }
  if (!isInt(value['version'])) {
    return { field: `${at}.version`, problem: `must be an integer (got ${show(value['version'])})` };
  }
  for (const key of ['bookTime', 'refreshTime'] as const) {
    if (!isNullableTime(value[key])) {
      return {
        field: `${at}.${key}`,
        problem: `must be epoch milliseconds or null (got ${show(value[key])})`,
      };
    }
  }
  return undefined;
}

/** Narrowing helper: a document without problems is a TrialDoc. */
export function isTrialDoc(value: unknown): value is TrialDoc {
  return findTrialDocProblem(value, 'trial') === undefined;
}
