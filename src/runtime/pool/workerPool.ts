/**
 * The trial pool: core's AsyncExecutor over a set of sandboxed workers, one trial per worker at a
 * time. DOM-free: workers come from an injected factory, so the scheduling below is unit-tested in
 * Node with a fake one. What it adds to Hyperopt (SparkTrials runs one Spark task per trial):
 * - a per-trial time limit that terminates and replaces the one runaway worker;
 * - crash handling: a worker that stops fails its trial and is replaced, later trials still run;
 * - cancelAll terminates every busy worker at once, so Stop and timeout never wait for user code.
 */
import type { AsyncExecutor, Completion, EvalJob } from '../../core';
import {
  SandboxStartError,
  TrialTimeoutError,
  UntrustedResultError,
  WorkerCrashedError,
  formatSeconds,
  loadFailure,
  objectiveFailure,
} from './errors';
import type { TrialDetails, TrialWorkerHandle, WorkerPoolOptions, WorkerSignal } from './poolTypes';
import { SandboxLosses } from './sandboxLosses';
import { decodeTrialMessage } from './trialDecode';
import { emptyRunLog, type ChildRunLog } from './trialProtocol';

interface Slot {
  readonly handle: TrialWorkerHandle;
  /** Lane in [0, parallelism), for the timeline of the pool. */
  readonly index: number;
  state: 'starting' | 'idle' | 'busy';
  job: EvalJob | undefined;
  startedAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  alive: boolean;
}

type Waiter = { resolve: (c: Completion) => void; reject: (e: Error) => void };

/** An AsyncExecutor running each trial in its own sandboxed worker. */
export class WorkerPool implements AsyncExecutor {
  readonly asynchronous = true;
  readonly parallelism: number;
  private readonly options: WorkerPoolOptions;
  private readonly now: () => number;
  private readonly slots = new Set<Slot>();
  private readonly pending: EvalJob[] = [];
  private readonly done: Completion[] = [];
  private readonly details = new Map<number, TrialDetails>();
  private waiter: Waiter | undefined;
  private fatal: Error | undefined;
  private count = 0;
  private readonly losses = new SandboxLosses();

  constructor(options: WorkerPoolOptions) {
    if (!Number.isInteger(options.parallelism) || options.parallelism < 1) {
      throw new RangeError(`WorkerPool: parallelism must be a positive integer (got ${options.parallelism})`);
    }
    this.options = options;
    this.parallelism = options.parallelism;
    this.now = options.now ?? (() => performance.now());
  }

  get inFlight(): number {
    return this.count;
  }

  submit(job: EvalJob): void {
    this.count += 1;
    this.pending.push(job);
    this.pump();
  }

  nextCompletion(): Promise<Completion> {
    const ready = this.done.shift();
    if (ready !== undefined) {
      this.count -= 1;
      return Promise.resolve(ready);
    }
    if (this.fatal !== undefined) return Promise.reject(this.fatal);
    if (this.count === 0) return Promise.reject(new Error('nextCompletion: no job in flight'));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  cancelAll(_reason: string): void {
    const at = this.now();
    for (const slot of [...this.slots]) {
      if (slot.state !== 'busy') continue;
      this.details.set(slot.job!.tid, { run: emptyRunLog(), durationMs: at - slot.startedAt });
      this.retire(slot);
    }
    this.pending.length = 0;
    this.done.length = 0;
    this.count = 0;
    this.waiter = undefined;
  }

  /** The child run and duration of a finished or cancelled trial (removed once taken). */
  takeDetails(tid: number): TrialDetails | undefined {
    const found = this.details.get(tid);
    this.details.delete(tid);
    return found;
  }

  /** Terminates every worker; the pool is unusable afterwards. */
  dispose(): void {
    for (const slot of [...this.slots]) this.retire(slot);
    this.pending.length = 0;
  }

  private pump(): void {
    if (this.fatal !== undefined) return;
    for (const slot of this.slots) {
      if (this.pending.length === 0) return;
      if (slot.state === 'idle') this.dispatch(slot, this.pending.shift()!);
    }
    let starting = 0;
    for (const slot of this.slots) if (slot.state === 'starting') starting += 1;
    // Start workers lazily: only as many as there are jobs waiting, never above parallelism.
    while (this.slots.size < this.parallelism && starting < this.pending.length) {
      this.spawn();
      starting += 1;
    }
  }

  private spawn(): void {
    const spawnTimeoutMs = this.options.spawnTimeoutMs ?? 15_000;
    // The listener needs the slot, and the slot needs the handle spawn returns.
    const holder: { slot: Slot | undefined } = { slot: undefined };
    const handle = this.options.factory.spawn((signal) => {
      const slot = holder.slot;
      if (slot !== undefined && slot.alive) this.onSignal(slot, signal);
    });
    const used = new Set([...this.slots].map((s) => s.index));
    let index = 0;
    while (used.has(index)) index += 1;
    const slot: Slot = {
      handle,
      index,
      state: 'starting',
      job: undefined,
      startedAt: 0,
      timer: undefined,
      alive: true,
    };
    holder.slot = slot;
    slot.timer = setTimeout(() => {
      if (slot.alive && slot.state === 'starting') {
        this.fail(
          new SandboxStartError(
            `The sandbox did not start a trial worker within ${formatSeconds(spawnTimeoutMs)}; reload the page and try again.`,
          ),
        );
      }
    }, spawnTimeoutMs);
    this.slots.add(slot);
  }

  private dispatch(slot: Slot, job: EvalJob): void {
    slot.state = 'busy';
    slot.job = job;
    slot.startedAt = this.now();
    const limit = this.options.perTrialTimeoutMs;
    if (limit !== undefined) {
      slot.timer = setTimeout(() => {
        if (slot.alive && slot.job === job)
          this.finish(slot, { ok: false, error: new TrialTimeoutError(job.tid, limit) }, emptyRunLog(), true);
      }, limit);
    }
    this.options.onTrialStarted?.(job.tid, slot.index);
    slot.handle.post({ t: 'run', tid: job.tid, config: job.config });
  }

  private onSignal(slot: Slot, signal: WorkerSignal): void {
    if (signal.kind === 'error') {
      if (signal.sandboxLost === true && this.onSandboxLost()) return;
      return this.onWorkerStopped(slot, signal.message, signal.sandboxLost === true);
    }
    const message = decodeTrialMessage(signal.data, this.options.maxLine);
    switch (message.t) {
      case 'ready':
        if (slot.state !== 'starting') return;
        clearTimeout(slot.timer);
        slot.state = 'idle';
        return this.pump();
      case 'loadError':
        return this.fail(loadFailure(message.error));
      case 'exit':
        return this.onWorkerStopped(slot, message.detail);
      case 'done': {
        if (slot.state !== 'busy' || slot.job?.tid !== message.tid) return; // stale or forged: ignore
        const outcome = message.outcome.ok
          ? { ok: true as const, value: message.outcome.value }
          : { ok: false as const, error: objectiveFailure(message.outcome.error) };
        return this.finish(
          slot,
          outcome,
          message.run,
          false,
          message.outcome.ok ? undefined : message.outcome.error.line,
        );
      }
      case 'invalid':
        if (slot.state === 'starting') {
          return this.fail(
            new SandboxStartError(
              `A trial worker sent an invalid message while starting (${message.problem}); reload the page and run again.`,
            ),
          );
        }
        if (slot.state === 'busy' && message.tid !== undefined && slot.job?.tid === message.tid) {
          const error = new UntrustedResultError(
            `Trial ${message.tid}'s result was rejected: ${message.problem}.`,
          );
          this.finish(slot, { ok: false, error }, emptyRunLog(), false);
        }
        return;
    }
  }

  /** The sandbox reported the worker gone, or the worker said it is closing itself. */
  /** True when the sandbox was lost too often: the run then ends rather than restart it again. */
  private onSandboxLost(): boolean {
    if (!this.losses.record(this.now())) return false;
    this.fail(new SandboxStartError(this.losses.message()));
    return true;
  }

  private onWorkerStopped(slot: Slot, detail: string, sandboxLost = false): void {
    if (slot.state === 'starting' && sandboxLost) {
      // Not this worker's fault: start another once a new sandbox is connected.
      this.retire(slot);
      return this.pump();
    }
    if (slot.state === 'starting') {
      return this.fail(
        new SandboxStartError(
          `The objective module could not start: ${detail}. Fix the objective and run again.`,
        ),
      );
    }
    if (slot.state === 'busy') {
      const tid = slot.job!.tid;
      return this.finish(
        slot,
        { ok: false, error: new WorkerCrashedError(tid, detail) },
        emptyRunLog(),
        true,
      );
    }
    this.retire(slot);
    this.pump();
  }

  private finish(
    slot: Slot,
    outcome: Completion['outcome'],
    run: ChildRunLog,
    replace: boolean,
    line?: number,
  ): void {
    const job = slot.job!;
    clearTimeout(slot.timer);
    const details: TrialDetails = { run, durationMs: this.now() - slot.startedAt };
    if (line !== undefined) details.line = line;
    this.details.set(job.tid, details);
    if (replace) this.retire(slot);
    else {
      slot.state = 'idle';
      slot.job = undefined;
    }
    this.report({ tid: job.tid, outcome });
    this.pump();
  }

  private report(completion: Completion): void {
    const waiter = this.waiter;
    if (waiter === undefined) {
      this.done.push(completion);
      return;
    }
    this.waiter = undefined;
    this.count -= 1;
    waiter.resolve(completion);
  }

  /** Terminates a worker and forgets it; a replacement starts when a job needs one. */
  private retire(slot: Slot): void {
    slot.alive = false;
    clearTimeout(slot.timer);
    this.slots.delete(slot);
    slot.handle.terminate();
  }

  private fail(error: Error): void {
    if (this.fatal !== undefined) return;
    this.fatal = error;
    this.dispose();
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(error);
  }
}
