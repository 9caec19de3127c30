/**
 * The pool's contracts: how it gets workers (a factory the sandbox link or a test provides), what it
 * hears from them, and what it reports about each finished trial.
 */
import type { ChildRunLog, RunTrialMessage } from './trialProtocol';

/** A live worker as the pool sees it. */
export interface TrialWorkerHandle {
  post(message: RunTrialMessage): void;
  /** Ends the worker at once; the pool ignores anything it reports afterwards. */
  terminate(): void;
}

/** What the pool hears about a worker: a message (untrusted) or a failure reported by the sandbox. */
export type WorkerSignal =
  | { kind: 'message'; data: unknown }
  /** `sandboxLost`: the whole sandbox went away (not this worker's own doing, if it was starting). */
  | { kind: 'error'; message: string; sandboxLost?: boolean };

/** Starts workers that have loaded the objective module. */
export interface TrialWorkerFactory {
  spawn(listener: (signal: WorkerSignal) => void): TrialWorkerHandle;
}

export interface WorkerPoolOptions {
  parallelism: number;
  factory: TrialWorkerFactory;
  /** Per-trial time limit in milliseconds; undefined for none (Hyperopt has none). */
  perTrialTimeoutMs?: number;
  /** How long a new worker may take to load the objective module. */
  spawnTimeoutMs?: number;
  /** Lines of the user's objective source: error line numbers are bounded by it. */
  maxLine: number;
  /** Millisecond clock for durations. */
  now?: () => number;
  /**
   * Called when a trial is handed to a worker; `slot` is the worker's lane in [0, parallelism): a
   * worker that replaces another takes the lowest free lane, so lanes stay 0..parallelism-1.
   */
  onTrialStarted?: (tid: number, slot: number) => void;
}

/** What the pool knows about a finished trial beyond its outcome: the child run and the duration. */
export interface TrialDetails {
  run: ChildRunLog;
  durationMs: number;
  /** The user's line for a failure, when known. */
  line?: number;
}
