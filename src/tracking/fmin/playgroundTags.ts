/**
 * Our additions to the autologged tags that let a stored TPE run be replayed ("How TPE chose
 * this"): the parent's algorithm spec (`playground.algo`) and, on each child, the suggest call that
 * proposed its trial (`playground.suggest`). Both are JSON text, versioned, bounded by the tag limit
 * (left out when over it), and decoded here, at the store's boundary, with a clear reason.
 */
import type { JsonValue } from '../../core';
import { LIMITS } from '../limits';

export const TAG_ALGO = 'playground.algo';
export const TAG_SUGGEST = 'playground.suggest';
export const PLAYGROUND_TAGS_VERSION = 1;

/** The suggest call that proposed a trial (mirrors the runtime's SuggestCall; tracking may not import it). */
export interface StoredSuggestCall {
  seed: number;
  firstTid: number;
  pending: number[];
  nTrials?: number;
}

export interface StoredAlgoSpec {
  name: string;
  options: Record<string, JsonValue>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);

/** JSON text for a tag, or undefined when it would not fit. */
function bounded(value: unknown): string | undefined {
  const text = JSON.stringify(value);
  return text !== undefined && text.length <= LIMITS.tagValueChars ? text : undefined;
}

function parse(text: string, what: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `its ${what} tag is not JSON`;
  }
  if (!isRecord(value) || value['v'] !== PLAYGROUND_TAGS_VERSION)
    return `its ${what} tag is not version ${PLAYGROUND_TAGS_VERSION} data`;
  return value;
}

export function encodeSuggestTag(call: StoredSuggestCall): string | undefined {
  const { seed, firstTid, pending, nTrials } = call;
  return bounded({
    v: PLAYGROUND_TAGS_VERSION,
    seed,
    firstTid,
    pending,
    ...(nTrials === undefined ? {} : { nTrials }),
  });
}

/** The call, or a phrase saying what is wrong with the tag. */
export function decodeSuggestTag(text: string): StoredSuggestCall | string {
  const value = parse(text, TAG_SUGGEST);
  if (typeof value === 'string') return value;
  const { seed, firstTid, pending, nTrials } = value;
  if (!isInt(seed) || !isInt(firstTid) || firstTid < 0)
    return `its ${TAG_SUGGEST} tag has no seed or first id`;
  if (!Array.isArray(pending) || !pending.every(isInt))
    return `its ${TAG_SUGGEST} tag has malformed pending ids`;
  if (nTrials !== undefined && !(isInt(nTrials) && nTrials >= 0))
    return `its ${TAG_SUGGEST} tag has a malformed trial count`;
  return { seed, firstTid, pending: [...pending], ...(nTrials === undefined ? {} : { nTrials }) };
}

export function encodeAlgoTag(spec: StoredAlgoSpec): string | undefined {
  return bounded({ v: PLAYGROUND_TAGS_VERSION, name: spec.name, options: spec.options });
}

/** The spec, or a phrase saying what is wrong with the tag. */
export function decodeAlgoTag(text: string): StoredAlgoSpec | string {
  const value = parse(text, TAG_ALGO);
  if (typeof value === 'string') return value;
  const { name, options } = value;
  if (typeof name !== 'string' || name === '') return `its ${TAG_ALGO} tag names no algorithm`;
  if (!isRecord(options)) return `its ${TAG_ALGO} tag has no options object`;
  return { name, options: { ...(options as Record<string, JsonValue>) } };
}
