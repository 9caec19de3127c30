/**
 * `WorkerTrials`: the browser's SparkTrials. A Trials store whose trials run in a pool of
 * sandboxed workers, `parallelism` at a time, with an optional timeout for the whole fmin call.
 */
import { Trials, type TrialsOptions } from '../../core';
import type { ExecutorProvider } from '../../core';
import { resolveParallelism, type ParallelismResolution } from './parallelism';
import type { WorkerPool } from './workerPool';

export interface WorkerTrialsOptions extends TrialsOptions {
  /** Trials run at once; unset or <= 0 means the machine's logical cores (with a warning). */
  parallelism?: number;
  /** Seconds for the whole fmin call; overrides fmin's own timeout, as in Hyperopt. */
  timeout?: number;
  /** The machine's logical cores (`navigator.hardwareConcurrency`). */
  hardwareConcurrency: number;
  /** Builds the pool once parallelism is resolved. */
  createPool: (parallelism: number) => WorkerPool;
}

/** A Trials store that evaluates through a worker pool (core's ExecutorProvider). */
export class WorkerTrials extends Trials implements ExecutorProvider {
  override readonly asynchronous = true;
  /** Requested and actual parallelism, with warnings to show the user. */
  readonly parallelism: ParallelismResolution;
  /** Seconds, or undefined for no timeout of its own. */
  readonly timeout: number | undefined;
  private readonly createPool: (parallelism: number) => WorkerPool;
  private pool: WorkerPool | undefined;

  constructor(options: WorkerTrialsOptions) {
    const { parallelism, timeout, hardwareConcurrency, createPool, ...rest } = options;
    super(rest);
    if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0)) {
      throw new RangeError(
        `WorkerTrials: timeout must be a positive number of seconds (got ${String(timeout)})`,
      );
    }
    this.parallelism = resolveParallelism(parallelism, hardwareConcurrency);
    this.timeout = timeout;
    this.createPool = createPool;
  }

  /** The timeout fmin should use: this store's when set (it overrides fmin's, as in Hyperopt). */
  effectiveTimeout(fminTimeout: number | undefined): number | undefined {
    return this.timeout ?? fminTimeout;
  }

  /** The pool, created on first use; the objective itself lives in the sandbox, not in `fn`. */
  createExecutor(): WorkerPool {
    this.pool ??= this.createPool(this.parallelism.actual);
    return this.pool;
  }

  /** Terminates the pool's workers. */
  dispose(): void {
    this.pool?.dispose();
  }
}
