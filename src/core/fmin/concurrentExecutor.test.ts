import { describe, expect, it, vi } from 'vitest';
import { rand } from '../algorithms/rand';
import { hp } from '../space';
import { Trials } from '../trials/trials';
import { createConcurrentExecutor } from './concurrentExecutor';
import { FminOptionError } from './errors';
import type { ExecutorProvider, Objective, TrialExecutor } from './executor';
import { fmin, runFmin } from './fmin';
import { settle, sleep, timed, useFakeTimersEachTest } from './testSupport';

const space = { x: hp.uniform('x', 0, 1) };

useFakeTimersEachTest();

describe('asynchronous Trials stores', () => {
  class PoolTrials extends Trials implements ExecutorProvider {
    override readonly asynchronous = true;
    created = 0;
    createExecutor(fn: Objective | undefined): TrialExecutor {
      this.created += 1;
      return createConcurrentExecutor(fn!, 2);
    }
  }

  it('uses the executor an asynchronous store provides', async () => {
    const { fn, stats } = timed(() => 10);
    const trials = new PoolTrials();
    await settle(fmin({ fn: fn as Objective, space, algo: rand.suggest, maxEvals: 6, trials, seed: 1 }));
    expect([trials.created, stats.maxRunning, trials.length]).toEqual([1, 2, 6]);
  });

  it('needs an executor for an asynchronous store that provides none', async () => {
    class Bare extends Trials {
      override readonly asynchronous = true;
    }
    await expect(
      fmin({ fn: () => 1, space, algo: rand.suggest, maxEvals: 2, trials: new Bare(), seed: 1 }),
    ).rejects.toThrow(FminOptionError);
  });

  it('runs with an executor and no fn', async () => {
    const { fn } = timed(() => 1);
    const report = await settle(
      runFmin({
        space,
        algo: rand.suggest,
        maxEvals: 3,
        seed: 1,
        executor: createConcurrentExecutor(fn as Objective, 2),
      }),
    );
    expect(report.trials.length).toBe(3);
  });
});

describe('createConcurrentExecutor', () => {
  it('queues jobs beyond its parallelism and reports in completion order', async () => {
    const order: number[] = [];
    const executor = createConcurrentExecutor(async (c) => (await sleep(c as number), c), 2);
    for (const [tid, ms] of [
      [0, 30],
      [1, 10],
      [2, 5],
    ] as const)
      executor.submit({ tid, vals: {}, config: ms });
    expect(executor.inFlight).toBe(3);
    const done = (async () => {
      for (let i = 0; i < 3; i++) order.push((await executor.nextCompletion()).tid);
    })();
    await vi.runAllTimersAsync();
    await done;
    expect(order).toEqual([1, 2, 0]);
    expect(executor.inFlight).toBe(0);
    await expect(executor.nextCompletion()).rejects.toThrow(/no job in flight/);
  });

  it('never reports jobs cancelled with cancelAll', async () => {
    const executor = createConcurrentExecutor(async () => (await sleep(10), 1), 1);
    executor.submit({ tid: 0, vals: {}, config: null });
    executor.submit({ tid: 1, vals: {}, config: null });
    executor.cancelAll('stop');
    expect(executor.inFlight).toBe(0);
    await vi.runAllTimersAsync();
    executor.submit({ tid: 2, vals: {}, config: null });
    const next = executor.nextCompletion();
    await vi.runAllTimersAsync();
    expect((await next).tid).toBe(2);
    expect(() => createConcurrentExecutor(() => 1, 0)).toThrow(RangeError);
  });
});
