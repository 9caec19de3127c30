/**
 * What the driver and a trial worker (a classic Blob worker in the sandbox) say to each other over
 * the worker's MessagePort. The driver's side is trusted; everything the worker sends is untrusted
 * and goes through `decodeTrialMessage` (trialDecode.ts) before anything reads it.
 */

/** Driver -> trial worker: evaluate the objective on `config` (plain data from spaceEval). */
export interface RunTrialMessage {
  t: 'run';
  tid: number;
  config: unknown;
}

/** An error as it crosses the boundary: the objective's class name, message and user line. */
export interface ErrorInfo {
  name: string;
  message: string;
  /** 1-based line in the user's objective source, when the stack pointed into it. */
  line?: number;
}

/** One metric value, as MLflow records it. */
export interface MetricPoint {
  key: string;
  value: number;
  step: number;
  /** Epoch milliseconds in the worker. */
  timestamp: number;
}

export interface ArtifactRecord {
  name: string;
  content: string;
}

export interface ConsoleLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
}

/** What `run.logParam/logMetric/setTag/logArtifact` and the console recorded during one trial. */
export interface ChildRunLog {
  params: Record<string, string>;
  metrics: MetricPoint[];
  tags: Record<string, string>;
  artifacts: ArtifactRecord[];
  logs: ConsoleLine[];
}

/** Bounds on what a trial may send back; the worker enforces them politely, the decoder strictly. */
export const TRIAL_LIMITS = {
  /** The whole result payload (JSON text), in UTF-16 code units: about 1 MB. */
  payloadChars: 1_000_000,
  /** Keys of params, metrics, tags and artifact names (MLflow's limit). */
  keyChars: 250,
  /** A param value (MLflow: 6,000). */
  paramChars: 6_000,
  /** A tag value (MLflow: 5,000). */
  tagChars: 5_000,
  /** Error names and messages. */
  errorChars: 2_000,
  params: 200,
  tags: 200,
  metrics: 10_000,
  artifacts: 20,
  /** Console lines kept per trial, and characters per line. */
  logLines: 200,
  logChars: 1_000,
} as const;

/** Untrusted trial worker -> driver messages, before decoding. */
export type TrialWorkerMessage =
  | { t: 'ready' }
  | { t: 'loadError'; error: ErrorInfo }
  /** `payload` is JSON text of {@link TrialPayload}, so its size is checked before parsing. */
  | { t: 'done'; tid: number; payload: string }
  /** The worker is about to stop itself (the objective called close()). */
  | { t: 'exit'; detail: string }
  /** A space module's export, as JSON text of a {@link TrialPayload} (value: the space). */
  | { t: 'space'; payload: string };

/** The JSON inside a `done` message. Non-finite numbers travel as `{"$nonFinite": "NaN"}`. */
export type TrialPayload =
  { ok: true; value: unknown; run: ChildRunLog } | { ok: false; error: ErrorInfo; run: ChildRunLog };

/** The key that tags a non-finite number in a payload (JSON has no NaN or Infinity). */
export const NON_FINITE_KEY = '$nonFinite';

/** An empty child run log. */
export function emptyRunLog(): ChildRunLog {
  return { params: {}, metrics: [], tags: {}, artifacts: [], logs: [] };
}
