/// <reference lib="webworker" />
/**
 * The trial worker runtime: runs inside a classic Blob worker in the sandbox, in front of the
 * user's wrapped objective. It answers the driver over one MessagePort, one trial at a time, and
 * never holds anything the driver could be called back through. Built as a classic IIFE bundle
 * with the curated libraries (build/trialWorkerBundle.ts).
 */
import { TRIAL_WORKER_GLOBAL } from '../objective/wrapper';
import { userLineFromStack } from '../objective/stackLines';
import type { ConsoleLine, ErrorInfo, TrialPayload, TrialWorkerMessage } from '../pool/trialProtocol';
import { encodePayload } from './encode';
import { requireLibrary } from './libraries';
import { RunRecorder } from './runRecorder';

type ModuleFactory = (
  exports: Record<string, unknown>,
  require: (name: string) => unknown,
  module: { exports: unknown },
) => void;
type Objective = (params: unknown, run: unknown) => unknown;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const scriptUrl = scope.location.href;
let factory: ModuleFactory | undefined;
let objective: Objective | undefined;
let port: MessagePort | undefined;
let firstLine = 1;
let lineCount = 1;
/** The trial running now: its recorder and a way to fail it from an escaped error. */
let current: { recorder: RunRecorder; fail: (error: unknown) => void } | undefined;

function send(message: TrialWorkerMessage): void {
  port?.postMessage(message);
}

/**
 * `payload` as JSON text, or, when it cannot be encoded (not plain data), the failure `instead(reason)`
 * makes of the encoder's message.
 */
function encodeOr(payload: TrialPayload, instead: (reason: string) => TrialPayload): string {
  try {
    return encodePayload(payload);
  } catch (error) {
    return encodePayload(instead(error instanceof Error ? error.message : String(error)));
  }
}

function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const info: ErrorInfo = { name: String(error.name || 'Error'), message: String(error.message) };
    const line = userLineFromStack(error.stack, scriptUrl, firstLine, lineCount);
    if (line !== undefined) info.line = line;
    return info;
  }
  return {
    name: 'Error',
    message: `objective threw ${typeof error === 'string' ? JSON.stringify(error) : String(error)}`,
  };
}

/** Runs the user's module once and returns what it exported. */
function loadExports(): Record<string, unknown> {
  if (factory === undefined) throw new Error('The module did not register itself.');
  const module: { exports: Record<string, unknown> } = { exports: {} };
  factory(module.exports, requireLibrary, module);
  return module.exports;
}

function load(): void {
  const exported = loadExports();
  const candidate =
    typeof exported === 'function' ? exported : (exported['default'] ?? exported['objective']);
  if (typeof candidate !== 'function') {
    throw new TypeError(
      'The objective module must default-export a function: export default function objective(params, run) { … }',
    );
  }
  objective = candidate as Objective;
}

async function runTrial(tid: number, config: unknown): Promise<void> {
  const recorder = new RunRecorder();
  let settle: (payload: TrialPayload) => void = () => undefined;
  const settled = new Promise<TrialPayload>((resolve) => (settle = resolve));
  const fail = (error: unknown) => settle({ ok: false, error: errorInfo(error), run: recorder.finish() });
  current = { recorder, fail };
  try {
    const value = await objective!(config, recorder.api(tid));
    settle({ ok: true, value, run: recorder.finish() });
  } catch (error) {
    fail(error);
  }
  const payload = await settled;
  current = undefined;
  const text = encodeOr(payload, (reason) => ({
    ok: false,
    error: { name: 'InvalidResult', message: `the result could not be sent: ${reason}` },
    run: { ...payload.run, artifacts: [] },
  }));
  send({ t: 'done', tid, payload: text });
}

function onDriverMessage(event: MessageEvent<unknown>): void {
  const data = event.data as { t?: unknown; tid?: unknown; config?: unknown } | null;
  if (data?.t !== 'run' || typeof data.tid !== 'number' || current !== undefined) return;
  void runTrial(data.tid, data.config);
}

function connect(event: MessageEvent<unknown>): void {
  const data = event.data as {
    t?: unknown;
    firstLine?: unknown;
    lineCount?: unknown;
    mode?: unknown;
  } | null;
  const received = event.ports[0];
  if (port !== undefined || data?.t !== 'connect' || received === undefined) return;
  port = received;
  firstLine = typeof data.firstLine === 'number' ? data.firstLine : 1;
  lineCount = typeof data.lineCount === 'number' ? data.lineCount : 1;
  if (data.mode === 'space') return evaluateSpace();
  port.onmessage = onDriverMessage;
  try {
    load();
    send({ t: 'ready' });
  } catch (error) {
    send({ t: 'loadError', error: errorInfo(error) });
  }
}

/**
 * A space module: its default export (or `space` export) is the search space, plain data made by
 * hp.* calls. It is sent as JSON text (non-finite numbers tagged) for the driver to validate.
 */
function evaluateSpace(): void {
  let payload: TrialPayload;
  const recorder = new RunRecorder();
  try {
    const exported = loadExports();
    const value = Object.hasOwn(exported, 'default') ? exported['default'] : exported['space'];
    if (value === undefined) {
      throw new TypeError(
        "The space module must default-export the space: export default { x: hp.uniform('x', -5, 5) }",
      );
    }
    payload = { ok: true, value, run: recorder.finish() };
  } catch (error) {
    payload = { ok: false, error: errorInfo(error), run: recorder.finish() };
  }
  const text = encodeOr(payload, (reason) => ({
    ok: false,
    error: { name: 'TypeError', message: `the space is not plain data: ${reason}` },
    run: recorder.finish(),
  }));
  send({ t: 'space', payload: text });
}

/** Console output goes to the trial's log, not to the page's console. */
function captureConsole(): void {
  const levels: ConsoleLine['level'][] = ['log', 'info', 'warn', 'error', 'debug'];
  for (const level of levels) {
    console[level] = (...args: unknown[]) => current?.recorder.console(level, args);
  }
}

/**
 * A worker that closes itself would vanish without a trace (no event reaches the sandbox or the
 * driver), so close() first tells the driver, which fails the trial and replaces the worker.
 */
function reportClose(): void {
  // Chromium installs close() on the global object itself (a [Global] interface), not on its
  // prototype; replace it wherever it lives, non-configurable so user code cannot restore it.
  const owner: object = Object.hasOwn(scope, 'close') ? scope : Object.getPrototypeOf(scope);
  const close = scope.close;
  Object.defineProperty(owner, 'close', {
    configurable: false,
    writable: false,
    value: function closeAndReport(this: DedicatedWorkerGlobalScope) {
      send({ t: 'exit', detail: 'the objective called close()' });
      close.call(scope);
    },
  });
}

/** Errors that escape the objective (a throwing timer callback, a rejected floating promise). */
function catchEscapes(): void {
  scope.addEventListener('error', (event) => {
    event.preventDefault();
    current?.fail(event.error ?? new Error(event.message));
  });
  scope.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    current?.fail(event.reason);
  });
}

captureConsole();
reportClose();
catchEscapes();
scope.addEventListener('message', connect);
Object.defineProperty(globalThis, TRIAL_WORKER_GLOBAL, {
  value: Object.freeze({
    define(fn: ModuleFactory) {
      if (factory === undefined && typeof fn === 'function') factory = fn;
    },
  }),
});
