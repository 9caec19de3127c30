/**
 * The one decode function of the sandbox boundary: every message a trial worker sends is checked
 * here (shape, finite numbers, bounded sizes) before the pool or fmin reads it. A worker runs user
 * code, so its messages may be anything: wrong types, forged tids, megabytes of text.
 */
import {
  NON_FINITE_KEY,
  TRIAL_LIMITS as L,
  emptyRunLog,
  type ChildRunLog,
  type ConsoleLine,
  type ErrorInfo,
  type MetricPoint,
} from './trialProtocol';

export type DecodedTrialMessage =
  | { t: 'ready' }
  | { t: 'loadError'; error: ErrorInfo }
  | {
      t: 'done';
      tid: number;
      outcome: { ok: true; value: unknown } | { ok: false; error: ErrorInfo };
      run: ChildRunLog;
    }
  | { t: 'exit'; detail: string }
  /** A space module's export (`value` is the space, not yet validated) or why it failed. */
  | { t: 'space'; outcome: { ok: true; value: unknown } | { ok: false; error: ErrorInfo } }
  /** Not acceptable; `tid` is set when the message named a trial, so that trial can fail. */
  | { t: 'invalid'; tid: number | undefined; problem: string };

class Reject extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function text(value: unknown, max: number, what: string): string {
  if (typeof value !== 'string') throw new Reject(`${what} must be text`);
  if (value.length > max) throw new Reject(`${what} is ${value.length} characters, over the limit of ${max}`);
  return value;
}

function finite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Reject(`${what} must be a finite number`);
  return value;
}

function decodeError(value: unknown, maxLine: number): ErrorInfo {
  if (!isRecord(value)) throw new Reject('the error must be an object');
  const error: ErrorInfo = {
    name: text(value['name'], 200, 'the error name') || 'Error',
    message: truncate(text(value['message'], L.payloadChars, 'the error message'), L.errorChars),
  };
  const line = value['line'];
  if (line !== undefined && line !== null) {
    if (typeof line !== 'number' || !Number.isInteger(line) || line < 1 || line > maxLine) {
      throw new Reject(`the error line must be a line of the objective (1 to ${maxLine})`);
    }
    error.line = line;
  }
  return error;
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function stringMap(
  value: unknown,
  maxEntries: number,
  maxValue: number,
  what: string,
): Record<string, string> {
  if (!isRecord(value)) throw new Reject(`${what} must be an object`);
  const keys = Object.keys(value);
  if (keys.length > maxEntries)
    throw new Reject(`${what} has ${keys.length} entries, over the limit of ${maxEntries}`);
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const key of keys) {
    text(key, L.keyChars, `a key of ${what}`);
    out[key] = text(value[key], maxValue, `${what} "${key}"`);
  }
  return { ...out };
}

function list(value: unknown, max: number, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Reject(`${what} must be a list`);
  if (value.length > max) throw new Reject(`${what} has ${value.length} entries, over the limit of ${max}`);
  return value;
}

const LEVELS: readonly ConsoleLine['level'][] = ['log', 'info', 'warn', 'error', 'debug'];

function decodeRunLog(value: unknown): ChildRunLog {
  if (value === undefined) return emptyRunLog();
  if (!isRecord(value)) throw new Reject('the run log must be an object');
  const metrics = list(value['metrics'], L.metrics, 'metrics').map((m): MetricPoint => {
    if (!isRecord(m)) throw new Reject('a metric must be an object');
    const step = finite(m['step'], 'a metric step');
    if (!Number.isInteger(step)) throw new Reject('a metric step must be an integer');
    return {
      key: text(m['key'], L.keyChars, 'a metric key'),
      value: finite(m['value'], `metric "${String(m['key'])}"`),
      step,
      timestamp: finite(m['timestamp'], 'a metric timestamp'),
    };
  });
  const artifacts = list(value['artifacts'], L.artifacts, 'artifacts').map((a) => {
    if (!isRecord(a)) throw new Reject('an artifact must be an object');
    return {
      name: text(a['name'], L.keyChars, 'an artifact name'),
      content: text(a['content'], L.payloadChars, 'an artifact'),
    };
  });
  const logs = list(value['logs'], L.logLines, 'console lines').map((line): ConsoleLine => {
    if (!isRecord(line)) throw new Reject('a console line must be an object');
    const level = LEVELS.find((l) => l === line['level']);
    if (level === undefined) throw new Reject('a console line has an unknown level');
    return { level, text: text(line['text'], L.logChars, 'a console line') };
  });
  return {
    params: stringMap(value['params'], L.params, L.paramChars, 'params'),
    metrics,
    tags: stringMap(value['tags'], L.tags, L.tagChars, 'tags'),
    artifacts,
    logs,
  };
}

/** JSON.parse reviver: turns `{"$nonFinite": "NaN"}` back into NaN so fmin can name the problem. */
function revive(_key: string, value: unknown): unknown {
  if (isRecord(value) && Object.keys(value).length === 1 && typeof value[NON_FINITE_KEY] === 'string') {
    const tag = value[NON_FINITE_KEY];
    if (tag === 'NaN') return NaN;
    if (tag === 'Infinity') return Infinity;
    if (tag === '-Infinity') return -Infinity;
  }
  return value;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: ErrorInfo };

/** The JSON text of a TrialPayload: size first, then shape. @throws Reject */
function decodePayload(payload: unknown, maxLine: number): { outcome: Outcome; run: ChildRunLog } {
  if (typeof payload !== 'string') throw new Reject('the result must be JSON text');
  if (payload.length > L.payloadChars) {
    const mb = (payload.length / 1e6).toFixed(1);
    throw new Reject(
      `the result is ${mb} MB, over the 1 MB limit; return a loss and small metrics, and keep large data out of the result`,
    );
  }
  let parsed: unknown;
  try {
    // The reviver costs a call per value; only payloads with a tagged number need it.
    parsed = payload.includes(NON_FINITE_KEY) ? JSON.parse(payload, revive) : JSON.parse(payload);
  } catch {
    throw new Reject('the result is not valid JSON');
  }
  if (!isRecord(parsed) || typeof parsed['ok'] !== 'boolean') throw new Reject('the result has no ok flag');
  const run = decodeRunLog(parsed['run']);
  if (parsed['ok']) return { outcome: { ok: true, value: parsed['value'] }, run };
  return { outcome: { ok: false, error: decodeError(parsed['error'], maxLine) }, run };
}

function decodeDone(message: Record<string, unknown>, maxLine: number): DecodedTrialMessage {
  const tid = message['tid'];
  if (typeof tid !== 'number' || !Number.isSafeInteger(tid) || tid < 0)
    throw new Reject('the trial id is not valid');
  try {
    const { outcome, run } = decodePayload(message['payload'], maxLine);
    return { t: 'done', tid, outcome, run };
  } catch (error) {
    if (error instanceof Reject) return { t: 'invalid', tid, problem: error.message };
    throw error;
  }
}

/**
 * Decodes one message from a trial worker. Never throws for bad input: an unacceptable message
 * comes back as `{t: 'invalid', problem}` naming what was wrong.
 *
 * @param maxLine the number of lines of the user's objective (bounds error line numbers).
 */
export function decodeTrialMessage(data: unknown, maxLine: number): DecodedTrialMessage {
  try {
    if (!isRecord(data)) throw new Reject('a message must be an object');
    switch (data['t']) {
      case 'ready':
        return { t: 'ready' };
      case 'loadError':
        return { t: 'loadError', error: decodeError(data['error'], maxLine) };
      case 'done':
        return decodeDone(data, maxLine);
      case 'exit':
        return { t: 'exit', detail: truncate(text(data['detail'], L.payloadChars, 'the exit detail'), 200) };
      case 'space':
        return { t: 'space', outcome: decodePayload(data['payload'], maxLine).outcome };
      default:
        throw new Reject('the message type is unknown');
    }
  } catch (error) {
    if (error instanceof Reject) return { t: 'invalid', tid: undefined, problem: error.message };
    throw error;
  }
}
