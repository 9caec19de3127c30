/**
 * The versioned JSON form of a Trials store and its validator. Hyperopt pickles Trials objects;
 * here the store is plain data so it can cross workers, URLs and IndexedDB.
 */
import type { JsonValue, TrialDoc } from './types';
import { TrialsFormatError } from './errors';
import { findNonJson, isRecord } from './json';
import { findTrialDocProblem } from './validate';

/** `Trials.toJSON()` output: every document (failed and cancelled ones too) plus attachments. */
export interface TrialsDocument {
  format: 'hyperopt-trials';
  version: 1;
  expKey: string | null;
  /** Next tid `newTrialIds` hands out (Hyperopt keeps the reserved ids in `Trials._ids`). */
  nextTid: number;
  trials: TrialDoc[];
  /** Global attachments (Hyperopt's `trials.attachments`). */
  attachments: Record<string, JsonValue>;
  /** Per-trial attachments keyed by tid (Hyperopt's `trial_attachments(trial)`). */
  trialAttachments: Record<string, Record<string, JsonValue>>;
}

function fail(field: string, problem: string): never {
  throw new TrialsFormatError(field, problem);
}

function checkAttachmentMap(value: unknown, field: string): Record<string, JsonValue> {
  if (!isRecord(value)) fail(field, 'must be an object of key -> JSON value');
  const problem = findNonJson(value, field);
  if (problem !== undefined) fail(field, `is not JSON-safe: ${problem}`);
  return value as Record<string, JsonValue>;
}

/**
 * Validates `input` (a parsed object or JSON text) as a TrialsDocument. Throws TrialsFormatError
 * naming the first offending field; returns the document, typed, on success.
 */
export function parseTrialsDocument(input: unknown): TrialsDocument {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input) as unknown;
    } catch (error) {
      fail('(root)', `is not valid JSON text: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!isRecord(data)) fail('(root)', 'must be an object');
  if (data['format'] !== 'hyperopt-trials') {
    fail('format', `must be "hyperopt-trials" (got ${JSON.stringify(data['format']) ?? 'undefined'})`);
  }
  if (data['version'] !== 1)
    fail('version', `must be 1 (got ${JSON.stringify(data['version']) ?? 'undefined'})`);
  const expKey = data['expKey'] ?? null;
  if (expKey !== null && typeof expKey !== 'string') fail('expKey', 'must be a string or null');
  const trials = data['trials'];
  if (!Array.isArray(trials)) fail('trials', 'must be an array of trial documents');
  const seen = new Set<number>();
  let maxTid = -1;
  trials.forEach((doc: unknown, i) => {
    const problem = findTrialDocProblem(doc, `trials[${i}]`);
    if (problem) fail(problem.field, problem.problem);
    const { tid } = doc as TrialDoc;
    if (seen.has(tid)) fail(`trials[${i}].tid`, `duplicates tid ${tid}`);
    if ((doc as TrialDoc).expKey !== expKey) fail(`trials[${i}].expKey`, `must equal the document's expKey`);
    seen.add(tid);
    maxTid = Math.max(maxTid, tid);
  });
  const nextTid = data['nextTid'] ?? maxTid + 1;
  if (typeof nextTid !== 'number' || !Number.isInteger(nextTid) || nextTid <= maxTid) {
    fail('nextTid', `must be an integer greater than every tid (${maxTid})`);
  }
  const attachments = checkAttachmentMap(data['attachments'] ?? {}, 'attachments');
  const perTrialRaw = data['trialAttachments'] ?? {};
  if (!isRecord(perTrialRaw)) fail('trialAttachments', 'must be an object tid -> attachments');
  const trialAttachments: Record<string, Record<string, JsonValue>> = {};
  for (const [key, value] of Object.entries(perTrialRaw)) {
    if (!/^(0|[1-9]\d*)$/.test(key) || !seen.has(Number(key))) {
      fail(`trialAttachments.${key}`, 'must be keyed by the tid of a trial in `trials`');
    }
    trialAttachments[key] = checkAttachmentMap(value, `trialAttachments.${key}`);
  }
  return {
    format: 'hyperopt-trials',
    version: 1,
    expKey,
    nextTid,
    trials: trials as TrialDoc[],
    attachments,
    trialAttachments,
  };
}
