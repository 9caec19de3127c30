import { describe, expect, it } from 'vitest';
import { rand } from '../algorithms/rand';
import { fmin, runFmin } from '../fmin/fmin';
import { generateTrialsToCalculate } from '../fmin/points';
import { hp } from '../space';
import { Trials } from '../trials/trials';
import { newTrialDoc } from '../trials/docs';
import type { TrialResult } from '../trials/types';
import { noProgressLoss } from './noProgressLoss';

const space = { x: hp.uniform('x', -5, 5) };

/** Runs fmin with losses taken from `losses` in evaluation order; returns how many trials ran. */
async function evalsUntilStop(losses: number[], count: number, percent = 0): Promise<number> {
  let i = 0;
  const report = await runFmin({
    fn: () => losses[Math.min(i++, losses.length - 1)]!,
    space,
    algo: rand.suggest,
    maxEvals: 100,
    seed: 0,
    earlyStopFn: noProgressLoss(count, percent),
  });
  expect(report.stopReason).toBe('earlyStop');
  return report.trials.length;
}

/** A store whose last finished trial has `result`. */
function finished(result: TrialResult): Trials {
  const trials = new Trials();
  trials.insertTrialDoc(newTrialDoc(0, { idxs: {}, vals: {} }));
  trials.completeTrial(0, result, 0);
  return trials;
}

describe('noProgressLoss (hyperopt/early_stop.py), the counts of hyperopt-algorithms.md §6', () => {
  it('stops after 5 evaluations of a constant loss with count 5', async () => {
    expect(await evalsUntilStop([1], 5)).toBe(5);
  });

  it('stops after 8 evaluations when the loss improves at eval 3 and then stays flat', async () => {
    expect(await evalsUntilStop([1, 1, 0.5], 5)).toBe(8);
  });

  it('stops after 9 evaluations with percentIncrease 10 (small improvements do not count)', async () => {
    expect(await evalsUntilStop([1.0, 0.95, 0.91, 0.88, 0.85, 0.83, 0.8], 5, 10)).toBe(9);
  });

  it("reproduces Hyperopt's test_early_stop_no_progress_loss (a first point nothing beats)", async () => {
    const trials = generateTrialsToCalculate([{ x: -100 }], space);
    await fmin({
      fn: (c: { x: number }) => c.x,
      space,
      algo: rand.suggest,
      maxEvals: 500,
      trials,
      seed: 0,
      earlyStopFn: noProgressLoss(10),
    });
    expect(trials.length).toBe(10);
  });
});

describe('noProgressLoss state protocol', () => {
  it('starts the counter at 1 on the first call and resets it on an improvement', () => {
    const stop = noProgressLoss(3);
    expect(stop(finished({ status: 'ok', loss: 2 }))).toEqual([false, [2, 1]]);
    expect(stop(finished({ status: 'ok', loss: 2 }), 2, 1)).toEqual([false, [2, 2]]);
    expect(stop(finished({ status: 'ok', loss: 1 }), 2, 2)).toEqual([false, [1, 0]]);
    expect(stop(finished({ status: 'ok', loss: 1 }), 1, 2)).toEqual([true, [1, 3]]);
  });

  it('uses |best * percent| so that negative losses need a real improvement too', () => {
    const stop = noProgressLoss(5, 10);
    // threshold = -10 - |-10 * 0.1| = -11
    expect(stop(finished({ status: 'ok', loss: -10.5 }), -10, 0)).toEqual([false, [-10, 1]]);
    expect(stop(finished({ status: 'ok', loss: -11.5 }), -10, 0)).toEqual([false, [-11.5, 0]]);
  });

  it("treats a result without loss as missing (master's `new_loss is None`): an improvement, then a fresh start", () => {
    const stop = noProgressLoss(2);
    expect(stop(finished({ status: 'fail' }), 3, 1)).toEqual([false, [null, 0]]);
    expect(stop(finished({ status: 'ok', loss: 5 }), null, 0)).toEqual([false, [5, 1]]);
  });

  it('changes nothing while no trial has finished', () => {
    expect(noProgressLoss(2)(new Trials())).toEqual([false, [null, 0]]);
    expect(noProgressLoss(2)(new Trials(), 4, 1)).toEqual([false, [4, 1]]);
  });

  it('rejects non-numeric settings', () => {
    expect(() => noProgressLoss(Number.NaN)).toThrow(RangeError);
    expect(() => noProgressLoss(5, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
