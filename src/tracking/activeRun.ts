/**
 * Active runs: the analog of `with mlflow.start_run():`. JavaScript has no implicit per-thread
 * context that survives `await`, so the active run is explicit: `startRun` returns a handle, and
 * `withActiveRun` starts one, passes it to a function (to log into, or to run fmin in through
 * `FminTracker`'s `activeRun`) and ends it however the function ends.
 */
import type { Liveness } from './liveness';
import type { RunStore } from './runStore';
import type { ArtifactContent, RunStatus } from './types';

export interface StartRunOptions {
  experimentId: string;
  name?: string;
  /** Makes a nested run (MLflow's `start_run(nested=True)` under this parent). */
  parentRunId?: string | null;
  tags?: Record<string, string>;
  /** Marks the run alive in this tab while it runs (see liveness.ts). */
  liveness?: Liveness;
  clock?: () => number;
}

/** MLflow's `str(value)` for params and tags: strings as they are, everything else as JSON. */
export function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** A started run: log into it, then end it. */
export class RunHandle {
  private ended = false;

  constructor(
    readonly store: RunStore,
    readonly id: string,
    readonly experimentId: string,
    private readonly release: () => void,
    private readonly clock: () => number,
  ) {}

  get isEnded(): boolean {
    return this.ended;
  }

  logParam(key: string, value: unknown): Promise<void> {
    return this.store.write([{ id: this.id, params: { [key]: stringify(value) } }]);
  }

  logParams(params: Record<string, unknown>): Promise<void> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) out[k] = stringify(v);
    return this.store.write([{ id: this.id, params: out }]);
  }

  logMetric(key: string, value: number, step = 0): Promise<void> {
    return this.store.write([{ id: this.id, metrics: [{ key, value, step, timestamp: this.clock() }] }]);
  }

  setTag(key: string, value: unknown): Promise<void> {
    return this.store.write([{ id: this.id, tags: { [key]: stringify(value) } }]);
  }

  logArtifact(name: string, content: string | ArtifactContent): Promise<void> {
    const c: ArtifactContent = typeof content === 'string' ? { kind: 'text', text: content } : content;
    return this.store.write([{ id: this.id, artifacts: [{ name, content: c }] }]);
  }

  /**
   * Ends the run (strict durability). Running children end KILLED ("parent run ended"); the count
   * is returned so the caller can say so. Ending twice is a no-op.
   */
  async end(
    status: Exclude<RunStatus, 'RUNNING'> = 'FINISHED',
    reason?: string,
  ): Promise<{ killedChildren: number }> {
    if (this.ended) return { killedChildren: 0 };
    this.ended = true;
    try {
      return await this.store.endRun(this.id, status, reason === undefined ? {} : { reason });
    } finally {
      this.release();
    }
  }
}

/** Creates a RUNNING run and returns its handle. */
export async function startRun(store: RunStore, options: StartRunOptions): Promise<RunHandle> {
  const clock = options.clock ?? Date.now;
  const run = await store.createRun({
    experimentId: options.experimentId,
    parentRunId: options.parentRunId ?? null,
    name: options.name ?? `run ${new Date(clock()).toISOString()}`,
    startTime: clock(),
    ...(options.tags ? { tags: options.tags } : {}),
  });
  const release = options.liveness ? await options.liveness.hold(run.id) : () => {};
  return new RunHandle(store, run.id, run.experimentId, release, clock);
}

/**
 * Runs `fn` inside a new active run, ending it FINISHED when `fn` resolves and FAILED (reason: the
 * error's message) when it throws; the error is rethrown.
 */
export async function withActiveRun<T>(
  store: RunStore,
  options: StartRunOptions,
  fn: (run: RunHandle) => Promise<T>,
): Promise<T> {
  const run = await startRun(store, options);
  let result: T;
  try {
    result = await fn(run);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 1_000) : 'failed';
    await run.end('FAILED', reason).catch(() => undefined);
    throw error;
  }
  await run.end('FINISHED');
  return result;
}
