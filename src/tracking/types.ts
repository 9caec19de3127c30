/**
 * The run model, MLflow's (mlflow/entities: Experiment, Run, RunInfo, RunData) in camelCase, as
 * plain data. Everything here is what the store hands out; the IndexedDB rows behind it are in
 * db/rows.ts and never leave the store undecoded.
 */
import type { JsonValue } from '../core';

/** MLflow's RunStatus values that a run here can have (no SCHEDULED: runs start when created). */
export const RUN_STATUSES = ['RUNNING', 'FINISHED', 'FAILED', 'KILLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface Experiment {
  id: string;
  name: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

/** One logged value of a metric (MLflow's Metric entity). */
export interface MetricPoint {
  key: string;
  value: number;
  step: number;
  /** Epoch milliseconds. */
  timestamp: number;
}

/** The latest value of a metric, kept on the run so that listing and search never read histories. */
export interface LatestMetric {
  value: number;
  step: number;
  timestamp: number;
}

export type ArtifactKind = 'text' | 'json' | 'image';

/** What a run lists about an artifact without loading it. */
export interface ArtifactInfo {
  name: string;
  kind: ArtifactKind;
  mimeType: string;
  /** Characters for text and JSON (as stored), bytes for images. */
  size: number;
}

/** An artifact's content: text, a JSON value, or an image Blob. */
export type ArtifactContent =
  { kind: 'text'; text: string } | { kind: 'json'; value: JsonValue } | { kind: 'image'; blob: Blob };

/** Counts over a parent's child runs, kept up to date by every write so lists never scan children. */
export interface ChildSummary {
  total: number;
  running: number;
  finished: number;
  failed: number;
  killed: number;
  /** Lowest `loss` metric among FINISHED children, null when none has one. */
  bestLoss: number | null;
  bestRunId: string | null;
}

/** How a trial ended, as the runtime reports it ('running' until it does). */
export type TrialOutcome = 'running' | 'ok' | 'failed' | 'cancelled';

/** The Hyperopt trial behind an autologged child run: enough to rebuild its TrialDoc on resume. */
export interface TrialRecord {
  tid: number;
  /** Active hyperparameter values (choices as option indices), as fmin's `misc.vals` unpacked. */
  vals: Record<string, number>;
  outcome: TrialOutcome;
  loss: number | null;
  durationMs: number | null;
  error: { type: string; message: string } | null;
  /** The objective's result object beyond status and loss (bounded JSON), when it returned one. */
  result: Record<string, JsonValue> | null;
}

/** A run (MLflow's Run: RunInfo + RunData) without metric histories or artifact contents. */
export interface Run {
  id: string;
  experimentId: string;
  name: string;
  status: RunStatus;
  /** Epoch milliseconds. */
  startTime: number;
  endTime: number | null;
  /** The parent's id for a nested run (also tag `mlflow.parentRunId`), null for a top-level run. */
  parentRunId: string | null;
  params: Record<string, string>;
  tags: Record<string, string>;
  /** Latest value per metric key. */
  metrics: Record<string, LatestMetric>;
  artifacts: ArtifactInfo[];
  /** Meaningful on parent runs; all zero on runs without children. */
  children: ChildSummary;
  /** Set on child runs recorded from an fmin trial. */
  trial: TrialRecord | null;
  /** Last heartbeat of the tab running it (epoch ms), null once ended. */
  heartbeatAt: number | null;
}

/** MLflow's system tag naming a nested run's parent. */
export const TAG_PARENT_RUN_ID = 'mlflow.parentRunId';
/** MLflow's system tag holding the run's name (kept in step with `Run.name` when present). */
export const TAG_RUN_NAME = 'mlflow.runName';
/** Why a run ended KILLED or FAILED, in words (e.g. "interrupted", "parent run ended"). */
export const TAG_END_REASON = 'playground.endReason';

export function emptyChildSummary(): ChildSummary {
  return { total: 0, running: 0, finished: 0, failed: 0, killed: 0, bestLoss: null, bestRunId: null };
}
