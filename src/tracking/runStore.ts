/**
 * The repository interface of the run store. The IndexedDB implementation is idb/idbRunStore.ts;
 * everything else in tracking (autologging, search, export) is written against this interface.
 */
import type { ArtifactContent, Experiment, MetricPoint, Run, RunStatus, TrialRecord } from './types';

/** Fields a run is created with. */
export interface RunCreate {
  experimentId: string;
  parentRunId: string | null;
  name: string;
  startTime: number;
}

/**
 * One change to one run: the single write shape of the store, so that a trial's child run (created,
 * logged into and ended at once) costs one put however much it carries. Applied in order, all of a
 * call's deltas in one transaction.
 *
 * Rules: `create` is required when the run does not exist (and ignored when it does); params are
 * write-once (same value again is fine, a different one fails the whole write); params, metrics
 * and artifacts only go to RUNNING runs (or to the run this delta creates); tags may be set and
 * deleted, and the run renamed, on ended runs too, as MLflow allows.
 */
export interface RunDelta {
  id: string;
  create?: RunCreate;
  /**
   * The caller guarantees the run does not exist yet (it creates it with `create`): the store skips
   * reading it, and adds rather than puts, so a broken guarantee fails instead of overwriting.
   */
  fresh?: boolean;
  params?: Record<string, string>;
  /**
   * A new name (rename). Allowed on ended runs, like tags; when the run carries MLflow's
   * `mlflow.runName` tag (MLflow keeps the name there too), the tag follows.
   */
  name?: string;
  /** Tag keys to remove (before `tags` is applied); absent keys are ignored. */
  deleteTags?: string[];
  tags?: Record<string, string>;
  metrics?: MetricPoint[];
  artifacts?: { name: string; content: ArtifactContent }[];
  /** A new status; ending statuses set `endTime` (default: now) and clear the heartbeat. */
  status?: RunStatus;
  endTime?: number;
  trial?: TrialRecord;
  heartbeatAt?: number;
}

/** A run's metric histories and artifact contents. */
export interface RunData {
  metrics: MetricPoint[];
  artifacts: { name: string; content: ArtifactContent }[];
}

/** Which runs to list. */
export interface RunListQuery {
  experimentId?: string;
  /** A run id: its children. null: top-level runs only. Absent: every run. */
  parentRunId?: string | null;
  /**
   * At most this many runs (those first by id): a quick first look at a long list (a page shows
   * a parent's first trials while all of its 10,000 children are still being read).
   */
  limit?: number;
}

export interface EndRunOptions {
  /** Why (tag playground.endReason), e.g. "interrupted". */
  reason?: string;
  endTime?: number;
}

export interface RunStore {
  createExperiment(name: string): Promise<Experiment>;
  /** The experiment with this name, created if there is none. */
  getOrCreateExperiment(name: string): Promise<Experiment>;
  listExperiments(): Promise<Experiment[]>;
  /**
   * Adds an experiment with a given id (import). Returns false, changing nothing, when the id
   * exists; a taken name gets a " (2)" suffix rather than merging two experiments.
   */
  ensureExperiment(experiment: Experiment): Promise<boolean>;

  /** Creates a RUNNING run (a fresh id unless `id` is given), with its first artifacts if any. */
  createRun(
    input: RunCreate & {
      id?: string;
      params?: Record<string, string>;
      tags?: Record<string, string>;
      artifacts?: { name: string; content: ArtifactContent }[];
    },
  ): Promise<Run>;
  getRun(id: string): Promise<Run | undefined>;
  /** Applies deltas in one transaction; resolves once it has committed (the writes are durable). */
  write(deltas: readonly RunDelta[], options?: { durability?: 'strict' | 'default' }): Promise<void>;
  /**
   * Ends a run with strict durability. Its RUNNING children become KILLED with the reason
   * "parent run ended" (never left RUNNING under an ended parent). Ending an ended run is a no-op.
   */
  endRun(
    id: string,
    status: Exclude<RunStatus, 'RUNNING'>,
    options?: EndRunOptions,
  ): Promise<{ killedChildren: number }>;
  /** Makes an ended run RUNNING again (resume), keeping everything it has. */
  reopenRun(id: string): Promise<Run>;

  getMetricHistory(runId: string, key: string): Promise<MetricPoint[]>;
  /** Every metric value and artifact of these runs, in one transaction (export). */
  readRunData(ids: readonly string[]): Promise<Map<string, RunData>>;
  getArtifact(runId: string, name: string): Promise<ArtifactContent | undefined>;
  listRuns(query?: RunListQuery): Promise<Run[]>;
  /**
   * The runs listRuns gives (a limit aside), handed to `onBatch` `batchSize` at a time as they are
   * read: slower overall, but no long main-thread task however many there are.
   */
  listRunsInBatches(query: RunListQuery, batchSize: number, onBatch: (runs: Run[]) => void): Promise<void>;

  /** Deletes runs with their children (recursively), metrics and artifacts, in one transaction. */
  deleteRuns(ids: readonly string[]): Promise<{ deleted: string[] }>;
  /**
   * Marks RUNNING top-level runs for which `isAlive` is false as KILLED ("interrupted"), with their
   * RUNNING children; then any RUNNING child whose parent has ended. Returns the ids ended.
   */
  reapInterrupted(isAlive: (run: Run) => boolean): Promise<string[]>;

  /** Resolves when every write started so far has committed or failed. */
  pending(): Promise<void>;
  close(): void;
}
