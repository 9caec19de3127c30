/**
 * The RunStore over IndexedDB (through idb). Every operation is one short transaction through the
 * TxRunner; writes resolve after commit; run ends use strict durability.
 */
import { openTrackingDb } from '../db/open';
import type { OpenOptions, TrackingDb } from '../db/open';
import { decodeRunRow } from '../db/rows';
import { STORE } from '../db/schema';
import { TxRunner } from '../db/tx';
import { ExperimentNotFoundError, RunNotFoundError, TrackingError } from '../errors';
import { LIMITS, checkValue } from '../limits';
import { newId } from '../ids';
import type { EndRunOptions, RunData, RunDelta, RunListQuery, RunStore } from '../runStore';
import type { ArtifactContent, Experiment, MetricPoint, Run, RunStatus } from '../types';
import { deleteRunsTx } from './deleteRuns';
import { endRunTx, reapTx } from './endRuns';
import { artifactTx, listRunsInBatchesTx, listRunsTx, metricHistoryTx, runDataTx } from './reads';
import { WRITE_STORES, writeDeltas } from './writeDeltas';

export interface IdbRunStoreOptions extends OpenOptions {
  /** Milliseconds clock (default Date.now). */
  clock?: () => number;
  /** Id generator (default: random 32 hex digits). */
  newId?: () => string;
}

const READ_STORES: ['runs', 'metrics', 'artifacts'] = [STORE.runs, STORE.metrics, STORE.artifacts];

export class IdbRunStore implements RunStore {
  private constructor(
    private readonly db: TrackingDb,
    private readonly runner: TxRunner,
    private readonly clock: () => number,
    private readonly makeId: () => string,
  ) {}

  /** Opens the database (migrating it) and returns the store. */
  static async open(options: IdbRunStoreOptions = {}): Promise<IdbRunStore> {
    // The callbacks can fire only after open resolves, when the runner exists.
    const state: { runner?: TxRunner } = {};
    const db = await openTrackingDb({
      ...options,
      onVersionChange: () => {
        if (state.runner) state.runner.closedReason = 'versionchange';
        options.onVersionChange?.();
      },
      onTerminated: () => {
        if (state.runner) state.runner.closedReason = 'terminated';
        options.onTerminated?.();
      },
    });
    state.runner = new TxRunner(db);
    return new IdbRunStore(db, state.runner, options.clock ?? Date.now, options.newId ?? newId);
  }

  async createExperiment(name: string): Promise<Experiment> {
    checkValue('An experiment name', name, LIMITS.keyChars);
    if (name.trim() === '') throw new TrackingError('An experiment needs a name.');
    const experiment: Experiment = { id: this.makeId(), name, createdAt: this.clock() };
    await this.runner.run([STORE.experiments], 'readwrite', async (tx) => {
      const store = tx.objectStore(STORE.experiments);
      if ((await store.index('byName').getKey(name)) !== undefined) {
        throw new TrackingError(`An experiment named '${name}' already exists; choose another name.`);
      }
      await store.add({ v: 1, ...experiment });
    });
    return experiment;
  }

  async getOrCreateExperiment(name: string): Promise<Experiment> {
    const found = await this.runner.run([STORE.experiments], 'readonly', (tx) =>
      tx.objectStore(STORE.experiments).index('byName').get(name),
    );
    if (found) return { id: found.id, name: found.name, createdAt: found.createdAt };
    return this.createExperiment(name);
  }

  async listExperiments(): Promise<Experiment[]> {
    const rows = await this.runner.run([STORE.experiments], 'readonly', (tx) =>
      tx.objectStore(STORE.experiments).getAll(),
    );
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt }));
  }

  async ensureExperiment(experiment: Experiment): Promise<boolean> {
    return this.runner.run([STORE.experiments], 'readwrite', async (tx) => {
      const store = tx.objectStore(STORE.experiments);
      if ((await store.get(experiment.id)) !== undefined) return false;
      let name = experiment.name;
      // Names are unique: an imported experiment whose name is taken gets a suffix, never a merge.
      for (let n = 2; (await store.index('byName').getKey(name)) !== undefined; n++)
        name = `${experiment.name} (${n})`;
      await store.add({ v: 1, id: experiment.id, name, createdAt: experiment.createdAt });
      return true;
    });
  }

  async createRun(input: Parameters<RunStore['createRun']>[0]): Promise<Run> {
    const id = input.id ?? this.makeId();
    const delta: RunDelta = {
      id,
      create: {
        experimentId: input.experimentId,
        parentRunId: input.parentRunId,
        name: input.name,
        startTime: input.startTime,
      },
    };
    if (input.params) delta.params = input.params;
    if (input.tags) delta.tags = input.tags;
    if (input.artifacts) delta.artifacts = input.artifacts;
    delta.heartbeatAt = input.startTime;
    await this.runner.run(WRITE_STORES, 'readwrite', async (tx) => {
      if ((await tx.objectStore(STORE.experiments).getKey(input.experimentId)) === undefined) {
        throw new ExperimentNotFoundError(input.experimentId);
      }
      if ((await tx.objectStore(STORE.runs).getKey(id)) !== undefined)
        throw new TrackingError(`A run with id ${id} already exists.`);
      await writeDeltas(tx, [delta], this.clock());
    });
    return (await this.getRun(id))!;
  }

  async getRun(id: string): Promise<Run | undefined> {
    const row = await this.runner.run([STORE.runs], 'readonly', (tx) => tx.objectStore(STORE.runs).get(id));
    return row === undefined ? undefined : decodeRunRow(row);
  }

  async write(
    deltas: readonly RunDelta[],
    options: { durability?: 'strict' | 'default' } = {},
  ): Promise<void> {
    if (deltas.length === 0) return;
    await this.runner.run(WRITE_STORES, 'readwrite', (tx) => writeDeltas(tx, deltas, this.clock()), options);
  }

  async endRun(
    id: string,
    status: Exclude<RunStatus, 'RUNNING'>,
    options: EndRunOptions = {},
  ): Promise<{ killedChildren: number }> {
    const endTime = options.endTime ?? this.clock();
    const killedChildren = await this.runner.run(
      WRITE_STORES,
      'readwrite',
      (tx) => endRunTx(tx, id, status, options.reason, endTime),
      { durability: 'strict' },
    );
    return { killedChildren };
  }

  async reopenRun(id: string): Promise<Run> {
    await this.runner.run(
      WRITE_STORES,
      'readwrite',
      async (tx) => {
        if ((await tx.objectStore(STORE.runs).getKey(id)) === undefined) throw new RunNotFoundError(id);
        await writeDeltas(tx, [{ id, status: 'RUNNING', heartbeatAt: this.clock() }], this.clock());
      },
      { durability: 'strict' },
    );
    return (await this.getRun(id))!;
  }

  getMetricHistory(runId: string, key: string): Promise<MetricPoint[]> {
    return this.runner.run(READ_STORES, 'readonly', (tx) => metricHistoryTx(tx, runId, key));
  }

  readRunData(ids: readonly string[]): Promise<Map<string, RunData>> {
    return this.runner.run(READ_STORES, 'readonly', (tx) => runDataTx(tx, ids));
  }

  getArtifact(runId: string, name: string): Promise<ArtifactContent | undefined> {
    return this.runner.run(READ_STORES, 'readonly', (tx) => artifactTx(tx, runId, name));
  }

  listRuns(query: RunListQuery = {}): Promise<Run[]> {
    return this.runner.run(READ_STORES, 'readonly', (tx) => listRunsTx(tx, query));
  }

  listRunsInBatches(query: RunListQuery, batchSize: number, onBatch: (runs: Run[]) => void): Promise<void> {
    return this.runner.run(READ_STORES, 'readonly', (tx) =>
      listRunsInBatchesTx(tx, query, batchSize, onBatch),
    );
  }

  async deleteRuns(ids: readonly string[]): Promise<{ deleted: string[] }> {
    const deleted = await this.runner.run(WRITE_STORES, 'readwrite', (tx) => deleteRunsTx(tx, ids), {
      durability: 'strict',
    });
    return { deleted };
  }

  reapInterrupted(isAlive: (run: Run) => boolean): Promise<string[]> {
    return this.runner.run(WRITE_STORES, 'readwrite', (tx) => reapTx(tx, isAlive, this.clock()), {
      durability: 'strict',
    });
  }

  pending(): Promise<void> {
    return this.runner.pending();
  }

  close(): void {
    this.runner.closedReason ??= 'closed';
    this.db.close();
  }
}
