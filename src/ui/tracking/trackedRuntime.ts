/**
 * The runtime as the UI sees it once runs are recorded: the same Runtime interface, wrapping the
 * real one, so no component changes. Every run it starts is recorded through FminTracker (the
 * parent run, one child run per trial), and the state it hands out only shows a trial as ended once
 * that trial's child run has committed, and a run as ended once its parent has: what the Results
 * region shows as done is always in the store, even if the tab dies the next moment.
 *
 * If recording fails (storage full, database closed by a newer tab), the run is stopped, `onError`
 * says why, and the state is passed through unchanged from then on (the UI says recording stopped).
 */
import type { RunRequest } from '../../runtime/run/runRequest';
import type { RunView, TrialRow } from '../../runtime/run/progress';
import type { RunRecordOptions, Runtime, RuntimeState } from '../../runtime/runtime';
import { FminTracker, WriteBatcher, frameSchedule } from '../../tracking';
import type { FminEvent, FminSettings, Liveness, RunStore, TrialLog } from '../../tracking';

const ENDED = new Set(['ok', 'failed', 'cancelled']);
/** The parent run's artifact holding the playground draft it was started from (JSON). */
export const DRAFT_ARTIFACT = 'playground/draft.json';
/** At most this often the gated state is re-published as trials become durable. */
const NOTIFY_MS = 100;
/**
 * Most trial writes per IndexedDB transaction. Queuing the writes (IDBObjectStore.add/put) is
 * synchronous, about 0.1 ms each: the batcher's default of 10,000 made main-thread tasks of
 * several hundred milliseconds when a fast run's backlog piled up.
 */
const MAX_BATCH = 250;

export interface TrackedRuntimeOptions {
  store: RunStore;
  experimentId: string;
  liveness?: Liveness;
  /** Recording stopped; the run was stopped too. */
  onError: (error: Error) => void;
  /** Something was stored (a run started, trials committed, a run ended): lists may refresh. */
  onStored: () => void;
}

interface Recording {
  runId: number;
  tracker: FminTracker;
  seen: Map<number, TrialRow['status']>;
  durable: Set<number>;
  best: { tid: number; loss: number } | undefined;
  ended: boolean;
  endDurable: boolean;
  failed: boolean;
}

export class TrackedRuntime implements Runtime {
  private listeners = new Set<() => void>();
  private request: RunRequest | undefined;
  private record: RunRecordOptions | undefined;
  private recording: Recording | undefined;
  private cache: { inner: RuntimeState; version: number; state: RuntimeState } | undefined;
  private version = 0;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingRows = new WeakMap<TrialRow, TrialRow>();
  private unsubscribe: (() => void) | undefined;

  /** Construction has no effect (React may construct twice); `start` begins recording. */
  constructor(
    private readonly inner: Runtime,
    private readonly options: TrackedRuntimeOptions,
  ) {}

  /** Starts following the inner runtime and recording its runs; returns the function that stops it. */
  start(): () => void {
    this.unsubscribe ??= this.inner.subscribe(() => {
      this.observe(this.inner.getState().run);
      this.notify();
    });
    // A run may have changed between construction and now.
    this.observe(this.inner.getState().run);
    this.notify();
    return () => this.dispose();
  }

  getState = (): RuntimeState => {
    const inner = this.inner.getState();
    if (this.cache && this.cache.inner === inner && this.cache.version === this.version)
      return this.cache.state;
    const state = { ...inner, run: this.gate(inner.run) };
    this.cache = { inner, version: this.version, state };
    return state;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts a run; `record.draft` is stored with its parent, `record.resumeRunId` continues that run. */
  startRun(request: RunRequest, record?: RunRecordOptions): Promise<void> {
    this.request = request;
    this.record = record;
    return this.inner.startRun(request);
  }

  stopRun(reason?: string): void {
    this.inner.stopRun(reason);
  }

  evaluateSpace: Runtime['evaluateSpace'] = (request) => this.inner.evaluateSpace(request);
  checkObjective: Runtime['checkObjective'] = (request) => this.inner.checkObjective(request);

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.notifyTimer);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Re-publishes the state soon (durability changes arrive one promise at a time). */
  private bump(now = false): void {
    this.version++;
    if (now) {
      clearTimeout(this.notifyTimer);
      this.notifyTimer = undefined;
      this.notify();
      this.options.onStored();
    } else {
      this.notifyTimer ??= setTimeout(() => {
        this.notifyTimer = undefined;
        this.notify();
        this.options.onStored();
      }, NOTIFY_MS);
    }
  }

  private fail(rec: Recording, error: Error): void {
    if (rec.failed) return;
    rec.failed = true;
    this.inner.stopRun('recording the run failed');
    this.options.onError(error);
    this.bump(true);
  }

  private handle(rec: Recording, event: FminEvent, onDurable?: () => void): void {
    rec.tracker.handle(event).then(
      () => {
        onDurable?.();
        this.bump(event.type === 'fminEnded');
      },
      (error: unknown) => {
        if (rec.tracker.error) this.fail(rec, rec.tracker.error);
        else if (event.type === 'fminStarted' || event.type === 'fminEnded') this.fail(rec, error as Error);
      },
    );
  }

  /** Turns the runtime's newest view into tracker events (trials that changed since the last one). */
  private observe(view: RunView | undefined): void {
    if (view === undefined || view.startedAt === undefined) return;
    let rec = this.recording;
    if (rec === undefined || rec.runId !== view.runId) {
      const draft = this.record?.draft;
      const resumeRunId = this.record?.resumeRunId;
      const tracker = new FminTracker({
        store: this.options.store,
        experimentId: this.options.experimentId,
        ...(this.options.liveness ? { liveness: this.options.liveness } : {}),
        batcher: new WriteBatcher(this.options.store, frameSchedule(), MAX_BATCH),
        ...(resumeRunId === undefined ? {} : { resumeRunId }),
        ...(draft === undefined
          ? {}
          : {
              parentArtifacts: [{ name: DRAFT_ARTIFACT, content: { kind: 'json' as const, value: draft } }],
            }),
        onError: (error) => this.fail(rec!, error),
      });
      rec = {
        runId: view.runId,
        tracker,
        seen: new Map(),
        durable: new Set(),
        best: undefined,
        ended: false,
        endDurable: false,
        failed: false,
      };
      this.recording = rec;
      const request = this.request;
      this.handle(rec, {
        type: 'fminStarted',
        time: view.startedAt,
        settings: {
          maxEvals: view.maxEvals,
          parallelism: view.parallelism?.requested ?? null,
          actualParallelism: view.parallelism?.actual ?? 1,
          timeout: request?.timeout ?? null,
          algo: view.algo ?? request?.algo.name ?? 'unknown',
          maxQueueLen: request?.maxQueueLen ?? 1,
          space: request?.space ?? null,
          ...algoSpecOf(view, request),
        },
      });
    }
    if (rec.failed) return;
    const r = rec;
    for (const row of view.rows) {
      const before = r.seen.get(row.tid);
      if (row.resumed && before === undefined) {
        // A trial of the run this one continues: its child run is stored already.
        r.seen.set(row.tid, row.status);
        r.durable.add(row.tid);
        noteBest(r, row);
        continue;
      }
      if (before === row.status || (before !== undefined && ENDED.has(before))) continue;
      r.seen.set(row.tid, row.status);
      if (row.status === 'running') {
        this.handle(r, { type: 'trialStarted', tid: row.tid, time: at(view, row.startedAt) });
      } else if (ENDED.has(row.status)) {
        this.handle(r, ended(row, at(view, row.endedAt)), () => {
          r.durable.add(row.tid);
          noteBest(r, row);
        });
      }
    }
    if (view.phase === 'ended' && view.end && !r.ended) {
      r.ended = true;
      const event: FminEvent = {
        type: 'fminEnded',
        time: Date.now(),
        stopReason: view.end.stopReason,
        summary: view.end.summary,
      };
      if (view.best) event.bestLoss = view.best.loss;
      if (view.end.error) event.error = view.end.error;
      this.handle(r, event, () => (r.endDurable = true));
    }
  }

  /** The view with trials not yet durable shown as still running, and the end once it is stored. */
  private gate(view: RunView | undefined): RunView | undefined {
    const rec = this.recording;
    if (view === undefined || rec === undefined || rec.runId !== view.runId || rec.failed) return view;
    let pending = 0;
    const rows = view.rows.map((row) => {
      if (!ENDED.has(row.status) || rec.durable.has(row.tid)) return row;
      pending++;
      let shown = this.pendingRows.get(row);
      if (!shown) this.pendingRows.set(row, (shown = { tid: row.tid, status: 'running' }));
      return shown;
    });
    const done = rec.endDurable;
    return {
      ...view,
      rows,
      running: view.running + pending,
      finished: view.finished - pending,
      best: pending === 0 ? view.best : rec.best,
      phase: done ? view.phase : 'running',
      end: done ? view.end : undefined,
    };
  }
}

/** Keeps the best durable trial (shown while later trials are still being stored). */
function noteBest(rec: Recording, row: TrialRow): void {
  if (row.status === 'ok' && row.loss !== undefined && (rec.best === undefined || row.loss < rec.best.loss))
    rec.best = { tid: row.tid, loss: row.loss };
}

/**
 * When something happened in the driver (ms since its run started), as epoch ms: the driver's own
 * times, not when the batch reached this page, so stored child runs keep their real start and end
 * (the run page rebuilds the worker timeline from them). Now when the driver gave none.
 */
function at(view: RunView, sinceStart: number | undefined): number {
  return view.startedAt === undefined || sinceStart === undefined ? Date.now() : view.startedAt + sinceStart;
}

/** The algorithm spec the run used, with its options ({} for the defaults). */
function algoSpecOf(view: RunView, request: RunRequest | undefined): Pick<FminSettings, 'algoSpec'> {
  const spec = view.algoSpec ?? request?.algo;
  return spec === undefined ? {} : { algoSpec: { name: spec.name, options: spec.options ?? {} } };
}

function ended(row: TrialRow, time: number): FminEvent {
  const event: FminEvent = {
    type: 'trialEnded',
    tid: row.tid,
    time,
    outcome: row.status as 'ok' | 'failed' | 'cancelled',
    durationMs: row.durationMs ?? 0,
    vals: { ...(row.vals ?? {}) },
  };
  if (row.loss !== undefined) event.loss = row.loss;
  if (row.error) event.error = { type: row.error.type, message: row.error.message };
  if (row.run) event.log = row.run as TrialLog;
  // Kept with the child run so the stored run can be replayed ("How TPE chose this").
  if (row.suggest) event.suggest = row.suggest;
  return event;
}
