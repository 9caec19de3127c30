/**
 * The IndexedDB schema of the run store. Do not change a name, key path or index below without
 * adding a migration (migrations.ts) and bumping SCHEMA_VERSION: tabs with older code and every
 * user's existing history depend on them.
 */
import type { DBSchema } from 'idb';
import type { ArtifactKind } from '../types';
import type { RunRow } from './rows';

/** Do not change without a migration. */
export const DB_NAME = 'hyperopt-playground-tracking';
/** Do not change without a migration. Version 1: runs, metrics, artifacts; 2: parent/status indexes. */
export const SCHEMA_VERSION = 2;

/** Do not change without a migration. */
export const STORE = {
  experiments: 'experiments',
  runs: 'runs',
  metrics: 'metrics',
  artifacts: 'artifacts',
} as const;

/** Do not change without a migration. */
export const INDEX = {
  experimentByName: 'byName',
  runsByExperiment: 'byExperiment',
  /** Version 1 only: nothing read runs by start time alone, and every write paid for it. */
  runsByStartTimeV1: 'byStartTime',
  /** Version 1 only: dropped in 2 (root runs had a null parentRunId, which IndexedDB cannot index). */
  runsByParentRunIdV1: 'byParentRunId',
  /** `parent`: the parent's id, '' for top-level runs. */
  runsByParent: 'byParent',
  /**
   * The following two are sparse (only rows with the field are in them), so the pool's stream of
   * finished child runs writes two index entries per run, not four.
   */
  /** `running` (1), set only on RUNNING runs: what the reaper reads on open. */
  runsByRunning: 'byRunning',
  /** `root` ([experimentId, startTime]), set only on top-level runs: an experiment's run list. */
  runsByExperimentRoot: 'byExperimentRoot',
} as const;

/** `parent` of a top-level run: IndexedDB cannot index null, and '' is never a run id. */
export const ROOT_PARENT = '';

export interface ExperimentRow {
  v: 1;
  id: string;
  name: string;
  createdAt: number;
}

/** One metric value; the key [runId, key, seq] keeps a key's history in logging order. */
export interface MetricRow {
  runId: string;
  key: string;
  /** Per-run sequence number (RunRow.metricSeq hands them out). */
  seq: number;
  value: number;
  step: number;
  timestamp: number;
}

/** An artifact's content, kept apart from the run so that listing never loads it. */
export interface ArtifactRow {
  runId: string;
  name: string;
  kind: ArtifactKind;
  mimeType: string;
  size: number;
  text?: string;
  /** JSON artifacts are stored as their JSON text, so what is read back is exactly what was logged. */
  json?: string;
  blob?: Blob;
}

export interface TrackingSchema extends DBSchema {
  experiments: { key: string; value: ExperimentRow; indexes: { byName: string } };
  runs: {
    key: string;
    value: RunRow;
    indexes: {
      byExperiment: string;
      byStartTime: number;
      byParentRunId: string;
      byParent: string;
      byRunning: number;
      byExperimentRoot: [string, number];
    };
  };
  metrics: { key: [string, string, number]; value: MetricRow };
  artifacts: { key: [string, string]; value: ArtifactRow };
}

export type StoreName = (typeof STORE)[keyof typeof STORE];

/** Every key of a run in a store keyed [runId, ...]: arrays sort after strings, so [id, []] bounds them. */
export function runKeyRange(runId: string): IDBKeyRange {
  return IDBKeyRange.bound([runId], [runId, []]);
}

/** Every history point of one metric key of a run. */
export function metricKeyRange(runId: string, key: string): IDBKeyRange {
  return IDBKeyRange.bound([runId, key], [runId, key, []]);
}
