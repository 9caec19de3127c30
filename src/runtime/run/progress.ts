/**
 * Folds run events into what the Results region shows: counts, best so far, one row per trial,
 * and the end summary. Pure and DOM-free; one model per run, one snapshot per delivered batch.
 */
import type { ChildRunLog } from '../pool/trialProtocol';
import type { ParallelismResolution } from '../pool/parallelism';
import type { AlgoSpec } from '../../core';
import type { RunEvent, RunSummary, SuggestCall, TrialErrorView } from './events';
import type { TrialsKind } from './runRequest';

export type TrialStatus = 'queued' | 'running' | 'ok' | 'failed' | 'cancelled';

export interface TrialRow {
  readonly tid: number;
  readonly status: TrialStatus;
  readonly loss?: number;
  readonly durationMs?: number;
  readonly error?: TrialErrorView;
  readonly vals?: Readonly<Record<string, number>>;
  readonly run?: ChildRunLog;
  /** The pool lane that ran it. */
  readonly slot?: number;
  /** Milliseconds since the run started: when a worker took it, and when it ended. */
  readonly startedAt?: number;
  readonly endedAt?: number;
  /** A trial of the run this one resumes: recorded already, shown for context. */
  readonly resumed?: true;
  /** The suggest call that proposed it (replays the proposal). */
  readonly suggest?: SuggestCall;
}

export interface RunEnd {
  readonly stopReason: string;
  readonly summary: RunSummary;
  readonly elapsedMs: number;
  readonly stopLatencyMs?: number;
  readonly error?: string;
}

export interface RunView {
  readonly runId: number;
  readonly phase: 'running' | 'ended';
  readonly maxEvals: number;
  readonly trialsKind: TrialsKind | undefined;
  readonly parallelism: ParallelismResolution | undefined;
  readonly algo: string | undefined;
  /** The algorithm as requested and the run's space document, as runStarted gave them. */
  readonly algoSpec?: AlgoSpec;
  readonly spaceDocument?: unknown;
  /** Epoch ms when the driver started the run. */
  readonly startedAt: number | undefined;
  readonly running: number;
  /**
   * Trials that ended (ok, failed or cancelled); a resumed run starts from the previous trials
   * that count towards maxEvals.
   */
  readonly finished: number;
  /** Of `finished`, the trials a resumed run started with (0 for a new run). */
  readonly resumedFinished?: number;
  readonly best: { readonly tid: number; readonly loss: number } | undefined;
  /** Rows in tid order. */
  readonly rows: readonly TrialRow[];
  readonly end: RunEnd | undefined;
}

/** Accumulates one run's events. */
export class ProgressModel {
  private readonly rows: TrialRow[] = [];
  private readonly index = new Map<number, number>();
  private view: RunView;

  constructor(runId: number, maxEvals: number) {
    this.view = {
      runId,
      phase: 'running',
      maxEvals,
      trialsKind: undefined,
      parallelism: undefined,
      algo: undefined,
      startedAt: undefined,
      running: 0,
      finished: 0,
      best: undefined,
      rows: [],
      end: undefined,
    };
  }

  private upsert(tid: number, change: (row: TrialRow) => TrialRow): void {
    const at = this.index.get(tid);
    if (at === undefined) {
      this.index.set(tid, this.rows.length);
      this.rows.push(change({ tid, status: 'queued' }));
    } else {
      this.rows[at] = change(this.rows[at]!);
    }
  }

  /** Applies a batch and returns the new snapshot. */
  apply(events: readonly RunEvent[]): RunView {
    let { running, finished, best, end, phase, maxEvals, trialsKind, parallelism, algo, startedAt } =
      this.view;
    let request: Pick<RunView, 'algoSpec' | 'spaceDocument'> | undefined;
    let resumedFinished = this.view.resumedFinished;
    for (const event of events) {
      switch (event.type) {
        case 'runStarted':
          ({ maxEvals, trialsKind, parallelism, algo, startedAt } = event);
          if (event.algoSpec !== undefined)
            request = { algoSpec: event.algoSpec, spaceDocument: event.spaceDocument };
          break;
        case 'trialsResumed':
          finished += event.counted;
          resumedFinished = event.counted;
          for (const t of event.trials) {
            const row: TrialRow = {
              tid: t.tid,
              status: t.outcome,
              vals: t.vals,
              resumed: true,
              ...(t.loss === undefined ? {} : { loss: t.loss }),
            };
            this.upsert(t.tid, () => row);
          }
          break;
        case 'trialQueued': {
          const suggest = event.suggest;
          this.upsert(event.tid, (row) => (suggest === undefined ? row : { ...row, suggest }));
          break;
        }
        case 'trialStarted':
          running += 1;
          this.upsert(event.tid, (row) => ({
            ...row,
            status: 'running',
            slot: event.slot,
            startedAt: event.at,
          }));
          break;
        case 'trialEnded': {
          const before = this.index.has(event.tid) ? this.rows[this.index.get(event.tid)!]! : undefined;
          const was = before?.status ?? 'queued';
          if (was === 'running') running -= 1;
          finished += 1;
          const row: TrialRow = {
            tid: event.tid,
            status: event.outcome,
            durationMs: event.durationMs,
            vals: event.vals,
            endedAt: event.at,
            ...(before?.slot === undefined ? {} : { slot: before.slot }),
            ...(before?.startedAt === undefined ? {} : { startedAt: before.startedAt }),
            ...(before?.suggest === undefined ? {} : { suggest: before.suggest }),
            ...(event.loss === undefined ? {} : { loss: event.loss }),
            ...(event.error === undefined ? {} : { error: event.error }),
            ...(event.run === undefined ? {} : { run: event.run }),
          };
          this.upsert(event.tid, () => row);
          break;
        }
        case 'bestSoFar':
          best = { tid: event.tid, loss: event.loss };
          break;
        case 'runEnded':
          phase = 'ended';
          running = 0;
          end = {
            stopReason: event.stopReason,
            summary: event.summary,
            elapsedMs: event.elapsedMs,
            ...(event.stopLatencyMs === undefined ? {} : { stopLatencyMs: event.stopLatencyMs }),
            ...(event.error === undefined ? {} : { error: event.error }),
          };
          if (event.best !== undefined) best = { tid: event.best.tid, loss: event.best.loss };
          break;
      }
    }
    this.view = {
      ...this.view,
      running,
      finished,
      best,
      end,
      phase,
      maxEvals,
      trialsKind,
      parallelism,
      algo,
      startedAt,
      ...request,
      ...(resumedFinished === undefined ? {} : { resumedFinished }),
      rows: this.rows.slice(),
    };
    return this.view;
  }

  get snapshot(): RunView {
    return this.view;
  }
}
