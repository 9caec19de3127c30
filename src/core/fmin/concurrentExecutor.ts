import type { AsyncExecutor, Completion, EvalJob, Objective } from './executor';

/**
 * An in-process asynchronous executor: up to `parallelism` calls of an async objective run
 * concurrently on the event loop (jobs submitted beyond that wait in a FIFO). Useful for objectives
 * that await I/O or timers, and as the reference implementation of AsyncExecutor for tests.
 */
export function createConcurrentExecutor(fn: Objective, parallelism: number): AsyncExecutor {
  if (!Number.isInteger(parallelism) || parallelism < 1) {
    throw new RangeError(
      `createConcurrentExecutor: parallelism must be a positive integer (got ${parallelism})`,
    );
  }
  let generation = 0;
  let running = 0;
  let inFlight = 0;
  const waiting: EvalJob[] = [];
  const done: Completion[] = [];
  let wake: ((completion: Completion) => void) | undefined;

  const report = (completion: Completion): void => {
    if (wake !== undefined) {
      const resolve = wake;
      wake = undefined;
      inFlight -= 1;
      resolve(completion);
    } else {
      done.push(completion);
    }
  };

  const start = (job: EvalJob): void => {
    const mine = generation;
    running += 1;
    new Promise<unknown>((resolve) => resolve(fn(job.config))).then(
      (value) => finish(mine, { tid: job.tid, outcome: { ok: true, value } }),
      (error: unknown) => finish(mine, { tid: job.tid, outcome: { ok: false, error } }),
    );
  };

  const finish = (mine: number, completion: Completion): void => {
    if (mine !== generation) return; // cancelled: never reported
    running -= 1;
    const next = waiting.shift();
    if (next !== undefined) start(next);
    report(completion);
  };

  return {
    asynchronous: true,
    parallelism,
    get inFlight() {
      return inFlight;
    },
    submit(job) {
      inFlight += 1;
      if (running < parallelism) start(job);
      else waiting.push(job);
    },
    nextCompletion() {
      const ready = done.shift();
      if (ready !== undefined) {
        inFlight -= 1;
        return Promise.resolve(ready);
      }
      if (inFlight === 0) return Promise.reject(new Error('nextCompletion: no job in flight'));
      return new Promise((resolve) => {
        wake = resolve;
      });
    },
    cancelAll() {
      generation += 1;
      running = 0;
      inFlight = 0;
      waiting.length = 0;
      done.length = 0;
      wake = undefined;
    },
  };
}
