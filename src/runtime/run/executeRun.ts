/**
 * One run in the driver: compile the objective, configure the sandbox, build the pool and the
 * Trials store, call core's runFmin, and report everything as events. DOM-free.
 */
import {
  Trials,
  algoFromSpec,
  noProgressLoss,
  parseSpaceDocument,
  runFmin,
  summarizeTrials,
  type EarlyStopFn,
  type FminReport,
  type SuggestFn,
  type TrialDoc,
} from '../../core';
import { compileObjective } from '../objective/compile';
import { wrapObjective } from '../objective/wrapper';
import { resolveParallelism } from '../pool/parallelism';
import type { TrialWorkerFactory } from '../pool/poolTypes';
import { WorkerPool } from '../pool/workerPool';
import type { ChildRunLog } from '../pool/trialProtocol';
import { WorkerTrials } from '../pool/workerTrials';
import type { RunEvent, TrialErrorView, TrialOutcome } from './events';
import { resumedTrialDocs, seedOption, trialsResumedEvent } from './resume';
import type { RunRequest } from './runRequest';

/** What a run needs from the driver. */
export interface RunEnvironment {
  sandbox: TrialWorkerFactory & { configure(code: string, lineCount: number): void };
  hardwareConcurrency: number;
  emit(event: RunEvent): void;
  /** Milliseconds clock for latencies (performance.now in the driver). */
  now?: () => number;
}

export interface RunHandle {
  /** Settles when fmin has returned and `runEnded` was emitted; never rejects. */
  readonly done: Promise<void>;
  /** Ends the run: running trials are terminated and cancelled with this reason. */
  stop(reason: string): void;
}

/** The per-trial limit when the run sets none: one hour, in seconds. */
export const DEFAULT_TRIAL_DEADLINE_S = 3600;

const STATE_OUTCOME: Record<number, TrialOutcome> = { 2: 'ok', 3: 'failed', 4: 'cancelled' };

function flatVals(doc: TrialDoc): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [label, list] of Object.entries(doc.misc.vals)) if (list.length > 0) out[label] = list[0]!;
  return out;
}

function isEmptyRun(run: ChildRunLog): boolean {
  return (
    run.metrics.length === 0 &&
    run.artifacts.length === 0 &&
    run.logs.length === 0 &&
    Object.keys(run.params).length === 0 &&
    Object.keys(run.tags).length === 0
  );
}

function earlyStopFn(request: RunRequest): EarlyStopFn | undefined {
  const settings = request.earlyStop;
  return settings === undefined
    ? undefined
    : noProgressLoss(settings.iterationStopCount, settings.percentIncrease);
}

/**
 * Validates what can fail before any trial (space, algorithm, objective syntax) and starts the run.
 *
 * @throws SpaceError, RangeError (unknown algorithm), ObjectiveCompileError, RunRequestError (resumed
 *   trials that do not fit the space).
 */
export function executeRun(request: RunRequest, env: RunEnvironment): RunHandle {
  const now = env.now ?? (() => performance.now());
  const space = parseSpaceDocument(request.space);
  const resumed = request.resume === undefined ? [] : resumedTrialDocs(request.resume, space);
  const algo = algoFromSpec(request.algo);
  const compiled = compileObjective(request.objective.source, request.objective.language);
  env.sandbox.configure(wrapObjective(compiled), compiled.lineCount);

  const requested = request.trialsKind === 'Trials' ? 1 : request.parallelism;
  // Every call into the sandbox has a deadline: without a limit of the user's own, a trial may run
  // for an hour (a worker that died silently would otherwise hold its slot until the run ends).
  const perTrialTimeoutMs = (request.perTrialTimeout ?? DEFAULT_TRIAL_DEADLINE_S) * 1000;
  const started = now();
  const createPool = (parallelism: number) =>
    new WorkerPool({
      parallelism,
      factory: env.sandbox,
      maxLine: compiled.lineCount,
      now,
      perTrialTimeoutMs,
      onTrialStarted: (tid, slot) => env.emit({ type: 'trialStarted', tid, at: now() - started, slot }),
    });
  let trials: Trials;
  let pool: WorkerPool;
  let timeout = request.timeout;
  let parallelism;
  if (request.trialsKind === 'WorkerTrials') {
    const workerTrials = new WorkerTrials({
      parallelism: requested,
      timeout: request.timeout,
      hardwareConcurrency: env.hardwareConcurrency,
      createPool,
    });
    pool = workerTrials.createExecutor();
    timeout = workerTrials.effectiveTimeout(timeout);
    parallelism = workerTrials.parallelism;
    trials = workerTrials;
  } else {
    // Serial Trials, yet still sandboxed: a pool of one, so Stop and timeouts can end a trial.
    parallelism = resolveParallelism(1, env.hardwareConcurrency);
    pool = createPool(1);
    trials = new Trials();
  }
  // Resume: fmin continues these (tids go on after them, the algorithm learns from them).
  // Built and checked by resumedTrialDocs: inserted as fmin inserts its own (_insert_trial_docs).
  if (resumed.length > 0) trials.insertTrialDocs(resumed, false);

  const controller = new AbortController();
  let stopAt: number | undefined;
  let bestLoss: number | undefined;
  // Trials queued or running: each trialQueued event says which were pending when it was proposed.
  const unfinished = new Set<number>();
  const queueing: SuggestFn = (ids, domain, view, seed) => {
    const pending = [...unfinished].sort((a, b) => a - b);
    const nTrials = view.trials.length;
    const proposals = algo(ids, domain, view, seed);
    for (const p of proposals) {
      unfinished.add(p.tid);
      env.emit({
        type: 'trialQueued',
        tid: p.tid,
        suggest: { seed, firstTid: ids[0] ?? p.tid, pending, nTrials },
      });
    }
    return proposals;
  };

  const onTrialEnd = (doc: TrialDoc) => {
    unfinished.delete(doc.tid);
    const outcome = STATE_OUTCOME[doc.state] ?? 'failed';
    const details = pool.takeDetails(doc.tid);
    const event: Extract<RunEvent, { type: 'trialEnded' }> = {
      type: 'trialEnded',
      tid: doc.tid,
      at: now() - started,
      outcome: outcome === 'ok' && doc.result.status !== 'ok' ? 'failed' : outcome,
      durationMs: details?.durationMs ?? 0,
      vals: flatVals(doc),
    };
    if (typeof doc.result.loss === 'number') event.loss = doc.result.loss;
    if (doc.misc.error !== undefined) {
      const error: TrialErrorView = { type: doc.misc.error[0], message: doc.misc.error[1] };
      if (details?.line !== undefined) error.line = details.line;
      event.error = error;
    }
    // An empty child run is left out: thousands of fast trials would copy it for nothing.
    if (details !== undefined && !isEmptyRun(details.run)) event.run = details.run;
    env.emit(event);
    const best = trials.bestLoss;
    if (best !== undefined && best !== bestLoss) {
      bestLoss = best;
      env.emit({ type: 'bestSoFar', tid: trials.bestTrial.tid, loss: best });
    }
  };

  env.emit({
    type: 'runStarted',
    startedAt: Date.now(),
    maxEvals: request.maxEvals,
    trialsKind: request.trialsKind,
    parallelism,
    timeout,
    perTrialTimeout: request.perTrialTimeout,
    algo: algo.algoName,
    algoSpec: request.algo,
    spaceDocument: request.space,
  });

  if (resumed.length > 0) {
    env.emit(trialsResumedEvent(resumed));
    bestLoss = trials.bestLoss;
    if (bestLoss !== undefined) env.emit({ type: 'bestSoFar', tid: trials.bestTrial.tid, loss: bestLoss });
  }

  const finish = (report: FminReport | undefined, error: unknown) => {
    const returnedAt = now();
    const summary = summarizeTrials(trials);
    const stopReason = report === undefined ? 'error' : report.stopReason;
    const end: Extract<RunEvent, { type: 'runEnded' }> = {
      type: 'runEnded',
      stopReason,
      summary: {
        total: summary.total,
        succeeded: summary.succeeded,
        failed: summary.failed,
        cancelled: summary.cancelled,
      },
      elapsedMs: returnedAt - started,
    };
    if (stopAt !== undefined && stopReason === 'aborted') end.stopLatencyMs = returnedAt - stopAt;
    if (stopReason === 'timeout' && timeout !== undefined)
      end.stopLatencyMs = Math.max(0, returnedAt - (started + timeout * 1000));
    const best = trials.bestLoss === undefined ? undefined : trials.bestTrial;
    if (best !== undefined) end.best = { tid: best.tid, loss: best.result.loss!, vals: flatVals(best) };
    if (error !== undefined) end.error = error instanceof Error ? error.message : String(error);
    pool.dispose();
    env.emit(end);
  };

  const done = runFmin({
    space,
    algo: queueing,
    maxEvals: request.maxEvals,
    trials,
    executor: pool,
    maxQueueLen: request.maxQueueLen,
    catchEvalExceptions: true,
    signal: controller.signal,
    onTrialEnd,
    setTimer: (callback, ms) => {
      const id = setTimeout(callback, ms);
      return () => clearTimeout(id);
    },
    ...(timeout === undefined ? {} : { timeout }),
    ...seedOption(request.seed, resumed.length),
    ...(request.lossThreshold === undefined ? {} : { lossThreshold: request.lossThreshold }),
    ...(request.earlyStop === undefined ? {} : { earlyStopFn: earlyStopFn(request)! }),
  }).then(
    (report) => finish(report, undefined),
    (error: unknown) => finish(undefined, error),
  );

  return {
    done,
    stop(reason) {
      if (controller.signal.aborted) return;
      stopAt = now();
      controller.abort(reason);
    },
  };
}
