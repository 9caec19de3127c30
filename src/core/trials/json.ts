import type { JsonValue } from './types';

/** Deeper than this is treated as a cycle: trial data is shallow in practice. */
const MAX_DEPTH = 64;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Finds the first part of `value` that JSON cannot carry unchanged (functions, undefined inside
 * arrays, NaN/Infinity, class instances, cycles). Returns a description naming the path, or
 * undefined when `value` is JSON-safe. Object keys whose value is `undefined` are allowed (JSON
 * drops them), as `JSON.stringify` does.
 */
export function findNonJson(value: unknown, path: string, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return `${path} is nested too deeply (a cycle?)`;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : `${path} is ${String(value)}, which JSON cannot represent`;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) return `${path}[${i}] is undefined`;
      const problem = findNonJson(item, `${path}[${i}]`, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === undefined) continue;
      const problem = findNonJson(item, `${path}.${key}`, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  return `${path} is a ${typeof value === 'object' ? 'non-plain object' : typeof value}, which is not JSON-safe`;
}

/** True when `value` is a plain `{}` object (not an array, not a class instance). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value);
}

/** Deep copy of JSON-safe data (drops `undefined` object fields, as JSON does). */
export function cloneJson<T extends JsonValue | Record<string, JsonValue | undefined>>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
