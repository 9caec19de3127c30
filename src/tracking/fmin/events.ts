/**
 * What an fmin run reports, as plain data: the events the tracker records. They mirror what the
 * runtime emits (src/runtime/run/events.ts) without depending on it: tracking may not import the
 * runtime, so the UI translates one into the other, adding what the runtime's events lack (the
 * space, max_queue_len).
 */
import type { JsonValue } from '../../core';
import type { MetricPoint } from '../types';
import type { StoredAlgoSpec, StoredSuggestCall } from './playgroundTags';

/** Bump when an event's shape changes. */
export const FMIN_EVENTS_VERSION = 1;

/** fmin's settings, logged as the parent run's params and tags (Databricks' names). */
export interface FminSettings {
  maxEvals: number;
  /** The parallelism the user asked for; null when unset (logged as 'None', as Databricks logs None). */
  parallelism: number | null;
  /** What the pool uses. */
  actualParallelism: number;
  /** Seconds; null for none. */
  timeout: number | null;
  /** Algorithm name, e.g. 'tpe' or 'hyperopt.tpe' (logged as the module name, 'hyperopt.tpe'). */
  algo: string;
  maxQueueLen: number;
  /** The search space: its text, or a space document (logged as JSON text). */
  space: unknown;
  /** The algorithm's spec with its options (tag `playground.algo`), when known. */
  algoSpec?: StoredAlgoSpec;
}

/** What the objective logged with `run.logParam/logMetric/setTag/logArtifact` (untrusted). */
export interface TrialLog {
  params: Record<string, string>;
  metrics: MetricPoint[];
  tags: Record<string, string>;
  artifacts: { name: string; content: string }[];
  /** Console output, kept as the text artifact `console.log`. */
  logs?: { level: string; text: string }[];
}

export type TrialEndOutcome = 'ok' | 'failed' | 'cancelled';

export type FminEvent =
  | { type: 'fminStarted'; /** Epoch ms. */ time: number; settings: FminSettings }
  | { type: 'trialStarted'; tid: number; time: number }
  | {
      type: 'trialEnded';
      tid: number;
      time: number;
      outcome: TrialEndOutcome;
      loss?: number;
      durationMs: number;
      /** Active hyperparameter values (choices as option indices). */
      vals: Record<string, number>;
      /** The objective's result object beyond status and loss, when it returned one. */
      result?: Record<string, JsonValue>;
      error?: { type: string; message: string };
      log?: TrialLog;
      /** The suggest call that proposed the trial (tag `playground.suggest`), so it can be replayed. */
      suggest?: StoredSuggestCall;
    }
  | {
      type: 'fminEnded';
      time: number;
      /** 'error' when fmin failed (the parent ends FAILED). */
      stopReason: string;
      /** Over the Trials fmin ran with, as Databricks counts them. */
      summary: { total: number; succeeded: number; failed: number; cancelled: number };
      bestLoss?: number;
      error?: string;
    };
