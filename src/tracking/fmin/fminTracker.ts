/**
 * Hyperopt autologging as Databricks does it (hyperopt/mlflow_utils.py, hyperopt/spark.py), fed
 * with plain events: each fmin call is a parent run, each trial a child run. The UI wires the
 * runtime's progress events into `handle`; the promise it returns for a trial resolves once that
 * trial's child run has committed, and only then may the UI show the trial as completed.
 *
 * - Without an active run, fmin creates its parent run and ends it when fmin ends.
 * - With `activeRun`, fmin logs into that run and leaves it RUNNING; a second fmin there finds the
 *   `fmin_uuid` tag and suffixes its params and that tag with `_<fmin_uuid>`.
 * - With `resumeRunId`, an ended parent is reopened, continued (same suffix rule) and ended again.
 * - A write that fails for lack of space (StorageFullError) or a closed database stops recording:
 *   `onError` fires once so the UI can stop the run, later events are refused, and the parent ends
 *   FAILED if that last write still fits. Everything committed before stays as it was.
 */
import { DatabaseClosedError, RunNotFoundError, StorageFullError, TrackingError } from '../errors';
import { newFminUuid, newId } from '../ids';
import { LIMITS } from '../limits';
import type { Liveness } from '../liveness';
import type { RunDelta, RunStore } from '../runStore';
import { TAG_END_REASON } from '../types';
import type { ArtifactContent, MetricPoint, TrialRecord } from '../types';
import { WriteBatcher } from '../writeBatcher';
import * as N from './autologNames';
import { clampLog, truncationTag } from './clampLog';
import type { FminEvent, FminSettings } from './events';
import { encodeAlgoTag, encodeSuggestTag, TAG_ALGO, TAG_SUGGEST } from './playgroundTags';

export interface FminTrackerOptions {
  store: RunStore;
  experimentId: string;
  /** Log into this active run and leave it RUNNING (MLflow's `with mlflow.start_run():`). */
  activeRun?: { id: string };
  /** Continue this ended parent run: reopened, logged into, ended again. */
  resumeRunId?: string;
  /** Name of the parent run fmin creates (default "fmin <uuid>"). */
  runName?: string;
  /**
   * Artifacts of the parent run, written with fmin's params (e.g. the playground's draft, so the
   * run can be opened again): with the run fmin creates, or replacing those of a resumed run.
   */
  parentArtifacts?: { name: string; content: ArtifactContent }[];
  /** Marks the parent alive in this tab while fmin runs. */
  liveness?: Liveness;
  batcher?: WriteBatcher;
  clock?: () => number;
  fminUuid?: () => string;
  newId?: () => string;
  /** Called once with the error that stopped recording (StorageFullError, DatabaseClosedError). */
  onError?: (error: Error) => void;
}

type Step = { durable: Promise<void> };
const DONE: Step = { durable: Promise.resolve() };

export class FminTracker {
  private chain: Promise<unknown> = Promise.resolve();
  private parentId: string | undefined;
  private experimentId: string;
  private uuid = '';
  private owns = false;
  private release: () => void = () => {};
  private open = new Map<number, { id: string; startTime: number }>();
  private failure: Error | undefined;
  private readonly batcher: WriteBatcher;
  private readonly makeId: () => string;

  constructor(private readonly options: FminTrackerOptions) {
    this.experimentId = options.experimentId;
    this.batcher = options.batcher ?? new WriteBatcher(options.store);
    this.makeId = options.newId ?? newId;
  }

  /** The parent run's id, once `fminStarted` has been handled. */
  get parentRunId(): string | undefined {
    return this.parentId;
  }

  get fminUuid(): string {
    return this.uuid;
  }

  /** The error that stopped recording, if any. */
  get error(): Error | undefined {
    return this.failure;
  }

  /**
   * Records one event. Events are processed in order; the promise resolves when what the event
   * wrote is durable (for a trial: its child run committed) and rejects if it could not be stored.
   */
  handle(event: FminEvent): Promise<void> {
    const step = this.chain.then(() => this.process(event));
    this.chain = step.catch(() => undefined);
    return step.then((s) => s.durable);
  }

  private process(event: FminEvent): Promise<Step> | Step {
    if (event.type === 'fminEnded') return this.finish(event).then(() => DONE);
    if (this.failure) return { durable: Promise.reject(this.failure) };
    if (event.type === 'fminStarted')
      return this.start(event.settings, event.time).then(
        () => DONE,
        (e: unknown) => this.fail(e),
      );
    if (this.parentId === undefined)
      throw new TrackingError('fmin reported a trial before it started; record fminStarted first.');
    return {
      durable: this.enqueue(
        event.type === 'trialStarted' ? this.started(event.tid, event.time) : this.ended(event),
      ),
    };
  }

  private fail(error: unknown): never {
    const e = error instanceof Error ? error : new TrackingError(String(error));
    if (!this.failure && (e instanceof StorageFullError || e instanceof DatabaseClosedError)) {
      this.failure = e;
      this.options.onError?.(e);
    }
    throw e;
  }

  private enqueue(delta: RunDelta): Promise<void> {
    return this.batcher.enqueue(delta).catch((e: unknown) => this.fail(e));
  }

  private async start(settings: FminSettings, time: number): Promise<void> {
    const { store, activeRun, resumeRunId, liveness } = this.options;
    this.uuid = (this.options.fminUuid ?? newFminUuid)();
    let params = N.fminParams(settings);
    let uuidTag: Record<string, string> = { [N.TAG_FMIN_UUID]: this.uuid };
    const tags: Record<string, string> = {
      [N.TAG_RUN_SOURCE]: N.RUN_SOURCE,
      [N.TAG_SPACE]: N.formatSpace(settings.space),
      [N.TAG_MAX_EVALS]: String(settings.maxEvals),
    };
    const algoTag = settings.algoSpec && encodeAlgoTag(settings.algoSpec);
    if (algoTag !== undefined) tags[TAG_ALGO] = algoTag;
    const artifacts = this.options.parentArtifacts ? { artifacts: this.options.parentArtifacts } : {};
    const existingId = activeRun?.id ?? resumeRunId;
    if (existingId === undefined) {
      const run = await store.createRun({
        experimentId: this.experimentId,
        parentRunId: null,
        name: this.options.runName ?? `fmin ${this.uuid}`,
        startTime: time,
        params,
        tags: { ...tags, ...uuidTag },
        ...artifacts,
      });
      this.parentId = run.id;
      this.owns = true;
      if (liveness) this.release = await liveness.hold(run.id);
      return;
    }
    let run = await store.getRun(existingId);
    if (run === undefined) throw new RunNotFoundError(existingId);
    if (resumeRunId !== undefined && activeRun === undefined) {
      if (run.status === 'RUNNING')
        throw new TrackingError(`Run ${run.id} is still running; only an ended run can be resumed.`);
      run = await store.reopenRun(run.id);
      this.owns = true;
      if (liveness) this.release = await liveness.hold(run.id);
    }
    this.experimentId = run.experimentId;
    if (N.TAG_FMIN_UUID in run.tags) {
      params = N.suffixKeys(params, this.uuid);
      uuidTag = N.suffixKeys(uuidTag, this.uuid);
    }
    await store.write([{ id: run.id, params, tags: { ...tags, ...uuidTag }, ...artifacts }], {
      durability: 'strict',
    });
    this.parentId = run.id;
  }

  private child(tid: number, startTime: number): { id: string; startTime: number } {
    let child = this.open.get(tid);
    if (!child) this.open.set(tid, (child = { id: this.makeId(), startTime }));
    return child;
  }

  private create(tid: number, startTime: number) {
    return { experimentId: this.experimentId, parentRunId: this.parentId!, name: `trial ${tid}`, startTime };
  }

  private childTags(): Record<string, string> {
    return { [N.TAG_FMIN_UUID]: this.uuid, [N.TAG_RUN_SOURCE]: N.RUN_SOURCE };
  }

  private started(tid: number, time: number): RunDelta {
    const { id } = this.child(tid, time);
    const trial: TrialRecord = {
      tid,
      vals: {},
      outcome: 'running',
      loss: null,
      durationMs: null,
      error: null,
      result: null,
    };
    return { id, fresh: true, create: this.create(tid, time), tags: this.childTags(), trial };
  }

  private ended(event: Extract<FminEvent, { type: 'trialEnded' }>): RunDelta {
    const { tid, time, outcome, vals, durationMs } = event;
    // Fresh unless trialStarted queued it: then that delta carries `fresh`, or it was written already.
    const fresh = !this.open.has(tid);
    const { id, startTime } = this.child(tid, time - durationMs);
    this.open.delete(tid);
    const log = clampLog(event.log);
    const hyper = N.valsAsParams(vals);
    const clashes = Object.keys(log.params).filter(
      (k) => hyper[k] !== undefined && hyper[k] !== log.params[k],
    );
    const logged = Object.fromEntries(Object.entries(log.params).filter(([k]) => !clashes.includes(k)));
    const tags: Record<string, string> = {
      ...log.tags,
      ...this.childTags(),
      [N.TAG_TRIAL_STATUS]: N.TRIAL_STATUS[outcome],
    };
    if (clashes.length > 0) tags[N.TAG_PARAM_CONFLICTS] = clashes.join(', ').slice(0, 5_000);
    if (event.error) tags[N.TAG_TRIAL_ERROR] = `${event.error.type}: ${event.error.message}`.slice(0, 5_000);
    Object.assign(tags, truncationTag(log.notes));
    const suggestTag = event.suggest && encodeSuggestTag(event.suggest);
    if (suggestTag !== undefined) tags[TAG_SUGGEST] = suggestTag;
    const metrics: MetricPoint[] = [];
    // complete_trial_run logs `loss` only for a successful trial.
    if (outcome === 'ok' && typeof event.loss === 'number')
      metrics.push({ key: N.METRIC_LOSS, value: event.loss, step: 0, timestamp: time });
    metrics.push(...log.metrics);
    const trial: TrialRecord = {
      tid,
      vals: { ...vals },
      outcome,
      loss: event.loss ?? null,
      durationMs,
      error: event.error
        ? { type: event.error.type.slice(0, 200), message: event.error.message.slice(0, 2_000) }
        : null,
      result: boundedResult(event.result),
    };
    return {
      id,
      ...(fresh ? { fresh } : {}),
      create: this.create(tid, startTime),
      params: { ...logged, ...hyper },
      tags,
      metrics,
      artifacts: log.artifacts,
      // complete_trial_run: FINISHED on success, FAILED otherwise (cancelled trials too).
      status: outcome === 'ok' ? 'FINISHED' : 'FAILED',
      endTime: time,
      trial,
    };
  }

  private async finish(event: Extract<FminEvent, { type: 'fminEnded' }>): Promise<void> {
    const { store } = this.options;
    const parentId = this.parentId;
    try {
      await this.batcher.flush();
      if (parentId === undefined) return;
      if (this.failure) {
        if (this.owns)
          await store
            .endRun(parentId, 'FAILED', { reason: this.failure.message, endTime: event.time })
            .catch(() => undefined);
        return;
      }
      // Trials that started and never reported an end did not finish: say so, never leave them RUNNING.
      const orphans: RunDelta[] = [...this.open.values()].map(({ id }) => ({
        id,
        status: 'KILLED',
        endTime: event.time,
        tags: { [TAG_END_REASON]: 'fmin ended' },
      }));
      this.open.clear();
      const { summary } = event;
      const metrics: MetricPoint[] = [
        [N.METRIC_SUCCESSFUL, summary.succeeded],
        [N.METRIC_FAILED, summary.failed],
        [N.METRIC_CANCELLED, summary.cancelled],
        [N.METRIC_TOTAL, summary.total],
      ].map(([key, value]) => ({
        key: key as string,
        value: value as number,
        step: 0,
        timestamp: event.time,
      }));
      if (typeof event.bestLoss === 'number')
        metrics.push({ key: N.METRIC_BEST_LOSS, value: event.bestLoss, step: 0, timestamp: event.time });
      await store.write([...orphans, { id: parentId, metrics }], { durability: 'strict' });
      if (this.owns) {
        const failed = event.stopReason === 'error';
        await store.endRun(
          parentId,
          failed ? 'FAILED' : 'FINISHED',
          failed && event.error ? { reason: event.error, endTime: event.time } : { endTime: event.time },
        );
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.release();
    }
  }
}

/** The result object to keep with a trial, or null when it is too large to keep. */
function boundedResult(result: Record<string, unknown> | undefined): TrialRecord['result'] {
  if (result === undefined) return null;
  const text = JSON.stringify(result);
  return text !== undefined && text.length <= LIMITS.trialResultChars
    ? (JSON.parse(text) as TrialRecord['result'])
    : null;
}
