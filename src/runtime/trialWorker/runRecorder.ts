/**
 * The `run` object an objective receives: MLflow-style logging into the trial's child run. Limits
 * are checked as the user logs, so a mistake fails the trial at the user's line with a sentence
 * saying what to change (the driver checks them again; this side is a courtesy, not a defence).
 */
import { TRIAL_LIMITS as L, emptyRunLog, type ChildRunLog, type ConsoleLine } from '../pool/trialProtocol';

/** What `objective(params, run)` gets as `run`. */
export interface TrialRun {
  /** The trial's id (Hyperopt's tid). */
  readonly tid: number;
  logParam(key: string, value: unknown): void;
  logMetric(key: string, value: number, step?: number): void;
  setTag(key: string, value: unknown): void;
  logArtifact(name: string, content: string): void;
}

function checkKey(fn: string, key: unknown): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > L.keyChars) {
    throw new TypeError(`run.${fn}: the key must be a non-empty string of at most ${L.keyChars} characters`);
  }
  return key;
}

function checkText(fn: string, key: string, value: unknown, max: number): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  if (text.length > max)
    throw new RangeError(`run.${fn}('${key}'): the value has ${text.length} characters; the limit is ${max}`);
  return text;
}

function room(fn: string, count: number, max: number): void {
  if (count >= max) throw new RangeError(`run.${fn}: a trial may record at most ${max} of these`);
}

/** Records one trial's child run and console output. */
export class RunRecorder {
  readonly log: ChildRunLog = emptyRunLog();
  private droppedLogs = 0;

  /** The `run` object for the objective (methods are bound, so destructuring them works). */
  api(tid: number): TrialRun {
    const log = this.log;
    return Object.freeze({
      tid,
      logParam(key: string, value: unknown) {
        const k = checkKey('logParam', key);
        if (!(k in log.params)) room('logParam', Object.keys(log.params).length, L.params);
        log.params[k] = checkText('logParam', k, value, L.paramChars);
      },
      logMetric(key: string, value: number, step?: number) {
        const k = checkKey('logMetric', key);
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw new TypeError(`run.logMetric('${k}', ${String(value)}): the value must be a finite number`);
        }
        if (step !== undefined && !Number.isInteger(step)) {
          throw new TypeError(`run.logMetric('${k}'): the step must be an integer (got ${String(step)})`);
        }
        room('logMetric', log.metrics.length, L.metrics);
        const lastStep = log.metrics.filter((m) => m.key === k).length;
        log.metrics.push({ key: k, value, step: step ?? lastStep, timestamp: Date.now() });
      },
      setTag(key: string, value: unknown) {
        const k = checkKey('setTag', key);
        if (!(k in log.tags)) room('setTag', Object.keys(log.tags).length, L.tags);
        log.tags[k] = checkText('setTag', k, value, L.tagChars);
      },
      logArtifact(name: string, content: string) {
        const k = checkKey('logArtifact', name);
        if (typeof content !== 'string')
          throw new TypeError(`run.logArtifact('${k}'): the content must be a string`);
        room('logArtifact', log.artifacts.length, L.artifacts);
        log.artifacts.push({ name: k, content });
      },
    });
  }

  /** Keeps a console line (the last ones are dropped beyond the limit, and counted). */
  console(level: ConsoleLine['level'], args: readonly unknown[]): void {
    if (this.log.logs.length >= L.logLines - 1) {
      this.droppedLogs += 1;
      return;
    }
    const text = args.map(show).join(' ');
    this.log.logs.push({
      level,
      text: text.length > L.logChars ? `${text.slice(0, L.logChars - 1)}…` : text,
    });
  }

  /** The log, with a last line saying how many console lines were dropped. */
  finish(): ChildRunLog {
    if (this.droppedLogs > 0)
      this.log.logs.push({ level: 'warn', text: `${this.droppedLogs} more console lines were dropped` });
    return this.log;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
