import { describe, expect, it, vi } from 'vitest';
import { rand } from '../algorithms/rand';
import type { SuggestFn } from '../algorithms/types';
import { hp } from '../space';
import { Trials } from '../trials/trials';
import {
  JOB_STATE_CANCEL,
  JOB_STATE_DONE,
  JOB_STATE_ERROR,
  JOB_STATE_NEW,
  JOB_STATE_RUNNING,
} from '../trials/types';
import type { JobState } from '../trials/types';
import { createConcurrentExecutor } from './concurrentExecutor';
import type { Objective } from './executor';
import { fmin, runFmin } from './fmin';
import { settle, timed, useFakeTimersEachTest } from './testSupport';

const space = { x: hp.uniform('x', 0, 1) };
const setTimer = (callback: () => void, ms: number) => {
  const id = setTimeout(callback, ms);
  return () => clearTimeout(id);
};

/** Records, at each algorithm call, how many ids it was asked for and how many trials were unfinished. */
function watched() {
  const calls: { n: number; running: number; fresh: number }[] = [];
  const algo: SuggestFn = (ids, domain, trials, seed) => {
    const count = (state: JobState) => (trials as Trials).countByStateUnsynced(state);
    calls.push({ n: ids.length, running: count(JOB_STATE_RUNNING), fresh: count(JOB_STATE_NEW) });
    return rand.suggest(ids, domain, trials, seed);
  };
  return { algo, calls };
}

useFakeTimersEachTest();

describe('fmin with an asynchronous executor', () => {
  it('keeps `parallelism` trials running; each suggestion sees the running ones as pending', async () => {
    const { fn, stats } = timed((call) => 10 + ((call * 7) % 13));
    const { algo, calls } = watched();
    const trials = new Trials();
    await settle(
      fmin({
        space,
        algo,
        maxEvals: 20,
        trials,
        seed: 3,
        executor: createConcurrentExecutor(fn as Objective, 4),
      }),
    );
    expect(stats.maxRunning).toBe(4);
    expect(trials.length).toBe(20);
    expect(trials.allTrials.every((d) => d.state === JOB_STATE_DONE)).toBe(true);
    expect(calls.slice(0, 4).map((c) => c.running)).toEqual([0, 1, 2, 3]);
    expect(calls.slice(4).every((c) => c.running === 3 && c.fresh === 0 && c.n === 1)).toBe(true);
    const finished = trials.trials.map((d) => d.refreshTime!);
    expect([...finished].sort((a, b) => a - b)).not.toEqual(finished); // completions out of tid order
  });

  it('proposes the same points as a serial run with rand (same seed stream), and P = 1 is the serial run', async () => {
    const serial = await runFmin({
      fn: (c: { x: number }) => c.x,
      space,
      algo: rand.suggest,
      maxEvals: 12,
      seed: 8,
    });
    const { fn } = timed((call) => 5 + (call % 3));
    const parallel = await settle(
      runFmin({
        space,
        algo: rand.suggest,
        maxEvals: 12,
        seed: 8,
        executor: createConcurrentExecutor(fn as Objective, 3),
      }),
    );
    expect(parallel.trials.trials.map((d) => d.misc.vals)).toEqual(
      serial.trials.trials.map((d) => d.misc.vals),
    );
    const one = await settle(
      runFmin({
        space,
        algo: rand.suggest,
        maxEvals: 12,
        seed: 8,
        executor: createConcurrentExecutor(fn as Objective, 1),
      }),
    );
    expect(one.trials.trials.map((d) => [d.misc.vals, d.result])).toEqual(
      serial.trials.trials.map((d) => [d.misc.vals, d.result]),
    );
  });

  it('asks in batches and keeps maxQueueLen - 1 trials ready ahead (maxQueueLen 2, parallelism 2)', async () => {
    const { fn, stats } = timed(() => 10);
    const { algo, calls } = watched();
    const trials = new Trials();
    await settle(
      fmin({
        space,
        algo,
        maxEvals: 9,
        maxQueueLen: 2,
        trials,
        seed: 1,
        executor: createConcurrentExecutor(fn as Objective, 2),
      }),
    );
    expect(calls.map((c) => c.n)).toEqual([2, 1, 1, 1, 1, 1, 1, 1]);
    expect(calls.every((c) => c.running + c.fresh <= 2)).toBe(true);
    expect([stats.maxRunning, trials.length]).toEqual([2, 9]);
  });

  it('polls earlyStopFn after every completion and cancels the running trials on stop (no refill first)', async () => {
    const { fn } = timed((call) => 10 + call);
    const trials = new Trials();
    const seen: number[] = [];
    const earlyStopFn = (t: Trials): [boolean, unknown[]] => {
      seen.push(t.countByStateUnsynced(JOB_STATE_DONE));
      return [t.countByStateUnsynced(JOB_STATE_DONE) >= 5, []];
    };
    const report = await settle(
      runFmin({
        space,
        algo: rand.suggest,
        maxEvals: 50,
        trials,
        seed: 1,
        earlyStopFn,
        executor: createConcurrentExecutor(fn as Objective, 3),
      }),
    );
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(report.stopReason).toBe('earlyStop');
    expect(trials.countByStateUnsynced(JOB_STATE_CANCEL)).toBe(2);
    expect(trials.countByStateUnsynced([JOB_STATE_NEW, JOB_STATE_RUNNING])).toBe(0);
    expect(trials.allTrials.find((d) => d.state === JOB_STATE_CANCEL)!.misc.error).toEqual([
      'Cancelled',
      'early stopping condition',
    ]);
  });

  it('stops at the loss threshold', async () => {
    const { fn } = timed(
      () => 10,
      (_x, call) => 10 - call,
    );
    const report = await settle(
      runFmin({
        space,
        algo: rand.suggest,
        maxEvals: 50,
        seed: 1,
        lossThreshold: 6.5,
        executor: createConcurrentExecutor(fn as Objective, 2),
      }),
    );
    expect(report.stopReason).toBe('lossThreshold');
    expect(report.trials.bestLoss).toBe(6);
    expect(report.trials.countByStateUnsynced(JOB_STATE_RUNNING)).toBe(0);
  });

  it('wakes at the deadline with `setTimer` and cancels the running trials (timeout)', async () => {
    const { fn } = timed(() => 100);
    const report = await settle(
      runFmin({
        space,
        algo: rand.suggest,
        maxEvals: 50,
        seed: 1,
        timeout: 0.25,
        setTimer,
        executor: createConcurrentExecutor(fn as Objective, 2),
      }),
    );
    expect(report.stopReason).toBe('timeout');
    expect(report.trials.allTrials.map((d) => d.state)).toEqual([
      2,
      2,
      2,
      2,
      JOB_STATE_CANCEL,
      JOB_STATE_CANCEL,
    ]);
    expect(report.trials.allTrials[4]!.misc.error).toEqual(['Cancelled', 'fmin timeout']);
  });

  it('cancels its deadline timer when the run ends before the timeout', async () => {
    const { fn } = timed(() => 10);
    const cancel = vi.fn();
    const armed: number[] = [];
    await settle(
      runFmin({
        space,
        algo: rand.suggest,
        maxEvals: 4,
        seed: 1,
        timeout: 60,
        setTimer: (_callback, ms) => {
          armed.push(ms);
          return cancel;
        },
        executor: createConcurrentExecutor(fn as Objective, 2),
      }),
    );
    expect(armed).toHaveLength(1);
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('needs no fn when the trials bring their own executor', async () => {
    class PoolTrials extends Trials {
      createExecutor() {
        return createConcurrentExecutor((config) => (config as { x: number }).x, 2);
      }
    }
    const trials = new PoolTrials();
    const options = { space, algo: rand.suggest, maxEvals: 5, seed: 3, trials };
    const report = await runFmin(options as unknown as Parameters<typeof runFmin>[0]);
    expect(report.trials.length).toBe(5);
    expect(report.bestTrial?.result.status).toBe('ok');
  });

  it('without `setTimer`, checks the deadline when a trial completes', async () => {
    const { fn } = timed(() => 100);
    const report = await settle(
      runFmin({
        space,
        algo: rand.suggest,
        maxEvals: 50,
        seed: 1,
        timeout: 0.25,
        executor: createConcurrentExecutor(fn as Objective, 2),
      }),
    );
    expect(report.trials.allTrials.map((d) => d.state)).toEqual([2, 2, 2, 2, 2, JOB_STATE_CANCEL]);
  });

  it('aborts: running trials are cancelled and fmin returns the argmin of what completed', async () => {
    const { fn } = timed(() => 100);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const trials = new Trials();
    const argmin = await settle(
      fmin({
        space,
        algo: rand.suggest,
        maxEvals: 50,
        trials,
        seed: 1,
        signal: controller.signal,
        executor: createConcurrentExecutor(fn as Objective, 2),
      }),
    );
    expect(trials.allTrials.map((d) => d.state)).toEqual([2, 2, JOB_STATE_CANCEL, JOB_STATE_CANCEL]);
    expect(argmin).toEqual(trials.argmin);
  });

  it('rejects on a failing trial without catchEvalExceptions, cancelling the others', async () => {
    const { fn } = timed(
      (call) => 10 + call,
      (x, call) => (call === 2 ? new TypeError('bad input') : x),
    );
    const trials = new Trials();
    const run = settle(
      fmin({
        space,
        algo: rand.suggest,
        maxEvals: 20,
        trials,
        seed: 1,
        executor: createConcurrentExecutor(fn as Objective, 3),
      }),
    );
    await expect(run).rejects.toThrow('Trial 2 failed: TypeError: bad input');
    expect(trials.allTrials.map((d) => d.state)).toEqual([
      2,
      2,
      JOB_STATE_ERROR,
      JOB_STATE_CANCEL,
      JOB_STATE_CANCEL,
    ]);
    expect(trials.allTrials[3]!.misc.error![1]).toMatch(/^fmin failed: Trial 2 failed/);
  });

  it('records failures and goes on with catchEvalExceptions', async () => {
    const { fn } = timed(
      () => 10,
      (x, call) => (call % 3 === 0 ? Number.NaN : x),
    );
    const trials = new Trials();
    await settle(
      fmin({
        space,
        algo: rand.suggest,
        maxEvals: 9,
        trials,
        seed: 1,
        catchEvalExceptions: true,
        executor: createConcurrentExecutor(fn as Objective, 3),
      }),
    );
    expect([
      trials.countByStateUnsynced(JOB_STATE_ERROR),
      trials.countByStateUnsynced(JOB_STATE_DONE),
    ]).toEqual([3, 6]);
  });
});
