import { describe, expect, it } from 'vitest';
import { rand } from '../algorithms/rand';
import { noProgressLoss } from '../earlyStop/noProgressLoss';
import { hp } from '../space';
import { Trials } from '../trials/trials';
import { JOB_STATE_CANCEL, JOB_STATE_DONE } from '../trials/types';
import { fmin, runFmin } from './fmin';

const space = { x: hp.uniform('x', -5, 5) };
const base = { space, algo: rand.suggest, seed: 0 };

/** An objective returning the given losses in order (the last one repeats). */
const sequence = (losses: number[]) => {
  let i = 0;
  return () => losses[Math.min(i++, losses.length - 1)]!;
};

describe('fmin timeout', () => {
  it('starts no trial once `timeout` seconds have passed (injected clock)', async () => {
    let now = 0;
    const report = await runFmin({
      ...base,
      fn: () => ((now += 1000), 1),
      maxEvals: 100,
      timeout: 3.5,
      clock: () => now,
    });
    expect(report.trials.trials.map((d) => d.bookTime)).toEqual([0, 1000, 2000, 3000]);
    expect(report.stopReason).toBe('timeout');
  });

  it('counts elapsed >= timeout as over (deadline exactly reached)', async () => {
    let now = 0;
    const report = await runFmin({
      ...base,
      fn: () => ((now += 1000), 1),
      maxEvals: 100,
      timeout: 2,
      clock: () => now,
    });
    expect(report.trials.length).toBe(2);
  });

  it('checks between the trials of a batch and cancels the ones left (maxQueueLen > 1)', async () => {
    let now = 0;
    const trials = new Trials();
    await fmin({
      ...base,
      fn: () => ((now += 1000), 1),
      maxEvals: 100,
      maxQueueLen: 5,
      timeout: 2.5,
      trials,
      clock: () => now,
    });
    expect(trials.allTrials.map((d) => d.state)).toEqual([
      JOB_STATE_DONE,
      JOB_STATE_DONE,
      JOB_STATE_DONE,
      JOB_STATE_CANCEL,
      JOB_STATE_CANCEL,
    ]);
    expect(trials.allTrials[3]!.misc.error).toEqual(['Cancelled', 'fmin timeout']);
  });

  it('works with real time and an async objective', async () => {
    const start = Date.now();
    const report = await runFmin({
      ...base,
      fn: () => new Promise((resolve) => setTimeout(() => resolve(1), 20)),
      maxEvals: 1000,
      timeout: 0.1,
    });
    expect(report.stopReason).toBe('timeout');
    expect(Date.now() - start).toBeGreaterThanOrEqual(95);
    expect(report.trials.length).toBeGreaterThanOrEqual(3);
    expect(report.trials.length).toBeLessThanOrEqual(7);
  });
});

describe('fmin lossThreshold', () => {
  it('stops once the best loss is strictly below the threshold (fmin.py: continue while best >= threshold)', async () => {
    const losses = [5, 4, 3, 2, 1, 0];
    expect(
      (await runFmin({ ...base, fn: sequence(losses), maxEvals: 100, lossThreshold: 2.5 })).trials.length,
    ).toBe(4);
    const equal = await runFmin({ ...base, fn: sequence(losses), maxEvals: 100, lossThreshold: 3 });
    expect(equal.trials.length).toBe(4);
    expect(equal.stopReason).toBe('lossThreshold');
  });

  it("reproduces Hyperopt's test_loss_threshold (no maxEvals)", async () => {
    const trials = new Trials();
    await fmin({ ...base, fn: (c: { x: number }) => c.x ** 2, lossThreshold: 0.001, trials });
    expect(trials.bestLoss).toBeLessThanOrEqual(0.001);
    expect(trials.length).toBeGreaterThan(0);
  });

  it('ignores failed trials when comparing with the threshold', async () => {
    const report = await runFmin({
      ...base,
      fn: sequence([5, Number.NaN, 1]),
      maxEvals: 10,
      lossThreshold: 2,
      catchEvalExceptions: true,
    });
    expect(report.trials.allTrials).toHaveLength(3);
  });
});

describe('fmin earlyStopFn', () => {
  it("passes the returned state back (Hyperopt's test_early_stop: stop after 100)", async () => {
    const trials = new Trials();
    const stop = (_trials: Trials, count = 0): [boolean, number[]] => [count + 1 >= 100, [count + 1]];
    await fmin({ ...base, fn: (c: { x: number }) => c.x, maxEvals: 500, trials, earlyStopFn: stop });
    expect(trials.length).toBe(100);
  });

  it('is called once per round with the store, starting without state', async () => {
    const seen: unknown[][] = [];
    const stop = (trials: Trials, ...state: unknown[]): [boolean, unknown[]] => {
      seen.push([trials.length, ...state]);
      return [false, [trials.length * 10]];
    };
    await fmin({ ...base, fn: () => 1, maxEvals: 6, maxQueueLen: 2, earlyStopFn: stop });
    expect(seen).toEqual([[2], [4, 20], [6, 40]]);
  });

  it('accepts an async earlyStopFn', async () => {
    const report = await runFmin({
      ...base,
      fn: () => 1,
      maxEvals: 50,
      earlyStopFn: async (trials: Trials) => [trials.length >= 3, []] as const,
    });
    expect([report.trials.length, report.stopReason]).toEqual([3, 'earlyStop']);
  });

  it('rejects a malformed answer', async () => {
    const bad = () => true as unknown as [boolean, unknown[]];
    await expect(fmin({ ...base, fn: () => 1, maxEvals: 5, earlyStopFn: bad })).rejects.toThrow(
      /earlyStopFn must return \[stop: boolean, state: unknown\[\]\]/,
    );
  });

  it('works with noProgressLoss', async () => {
    const report = await runFmin({ ...base, fn: () => 1, maxEvals: 100, earlyStopFn: noProgressLoss(5) });
    expect([report.trials.length, report.stopReason]).toEqual([5, 'earlyStop']);
  });
});

describe('fmin signal (abort)', () => {
  it('runs nothing when aborted before the start', async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await runFmin({ ...base, fn: () => 1, maxEvals: 5, signal: controller.signal });
    expect([report.trials.allTrials.length, report.stopReason]).toEqual([0, 'aborted']);
  });

  it('cancels the running and queued trials and returns what completed', async () => {
    const controller = new AbortController();
    const trials = new Trials();
    let calls = 0;
    const fn = (c: { x: number }) =>
      new Promise<number>((resolve) => {
        calls += 1;
        if (calls === 4) controller.abort(new Error('user pressed Stop'));
        setTimeout(() => resolve(c.x), 5);
      });
    const argmin = await fmin({
      ...base,
      fn,
      maxEvals: 50,
      maxQueueLen: 3,
      trials,
      signal: controller.signal,
    });
    expect(trials.allTrials.map((d) => d.state)).toEqual([
      JOB_STATE_DONE,
      JOB_STATE_DONE,
      JOB_STATE_DONE,
      JOB_STATE_CANCEL,
      JOB_STATE_CANCEL,
      JOB_STATE_CANCEL,
    ]);
    expect(trials.allTrials[3]!.misc.error).toEqual(['Cancelled', 'aborted: user pressed Stop']);
    expect(trials.allTrials[5]!.result.error).toBe('cancelled: aborted: user pressed Stop');
    expect(argmin).toEqual(trials.argmin);
    expect(trials.length).toBe(3);
  });

  it('stops between trials of a sync objective', async () => {
    const controller = new AbortController();
    let i = 0;
    const report = await runFmin({
      ...base,
      fn: () => (++i === 2 && controller.abort(), i),
      maxEvals: 10,
      maxQueueLen: 4,
      signal: controller.signal,
    });
    expect(report.trials.allTrials.map((d) => d.state)).toEqual([
      JOB_STATE_DONE,
      JOB_STATE_DONE,
      JOB_STATE_CANCEL,
      JOB_STATE_CANCEL,
    ]);
    expect(report.stopReason).toBe('aborted');
  });
});
