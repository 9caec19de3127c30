import { describe, expect, it } from 'vitest';
import { rand } from '../algorithms/rand';
import type { SuggestFn } from '../algorithms/types';
import { createRng } from '../random';
import { hp } from '../space';
import { Trials } from '../trials/trials';
import { JOB_STATE_CANCEL, JOB_STATE_DONE, JOB_STATE_ERROR, JOB_STATE_RUNNING } from '../trials/types';
import { FminOptionError } from './errors';
import { fmin, runFmin } from './fmin';
import { generateTrialsToCalculate } from './points';

const xy = { x: hp.uniform('x', -10, 10), y: hp.uniform('y', -10, 10) };
const sumSquares = (c: { x: number; y: number }) => c.x ** 2 + c.y ** 2;
const conditional = {
  kind: hp.choice('kind', [
    { a: hp.uniform('x', -5, 5) },
    { b: hp.loguniform('y', 0, 2), n: hp.quniform('n', 1, 10, 1) },
  ]),
};

/** Counts the trials an algo is asked for. */
function counting(): { algo: SuggestFn; asked: () => number } {
  let n = 0;
  return { algo: (ids, d, t, s) => ((n += ids.length), rand.suggest(ids, d, t, s)), asked: () => n };
}

describe('fmin resume (FMinIter.exhaust: run max_evals - len(trials))', () => {
  it('continues an existing Trials until the total reaches maxEvals', async () => {
    const trials = new Trials();
    await fmin({ fn: sumSquares, space: xy, algo: rand.suggest, maxEvals: 5, trials, seed: 1 });
    await fmin({ fn: sumSquares, space: xy, algo: rand.suggest, maxEvals: 12, trials, seed: 2 });
    expect(trials.length).toBe(12);
    expect(trials.tids).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('does nothing when the total is already reached', async () => {
    const trials = new Trials();
    const first = await fmin({ fn: sumSquares, space: xy, algo: rand.suggest, maxEvals: 5, trials, seed: 1 });
    const { algo, asked } = counting();
    expect(await fmin({ fn: sumSquares, space: xy, algo, maxEvals: 3, trials, seed: 1 })).toEqual(first);
    expect([asked(), trials.length]).toEqual([0, 5]);
  });

  it('continues the seed stream when the same rstate is passed again (5 + 7 == 12 in one go)', async () => {
    const split = new Trials();
    const rstate = createRng(77);
    await fmin({ fn: sumSquares, space: xy, algo: rand.suggest, maxEvals: 5, trials: split, rstate });
    await fmin({ fn: sumSquares, space: xy, algo: rand.suggest, maxEvals: 12, trials: split, rstate });
    const whole = new Trials();
    await fmin({ fn: sumSquares, space: xy, algo: rand.suggest, maxEvals: 12, trials: whole, seed: 77 });
    expect(split.allTrials.map((d) => [d.misc, d.result])).toEqual(
      whole.allTrials.map((d) => [d.misc, d.result]),
    );
  });

  it('does not count errored trials, as len(trials) does not', async () => {
    const trials = new Trials();
    let i = 0;
    await fmin({
      fn: () => (i++ < 2 ? Number.NaN : 1),
      space: xy,
      algo: rand.suggest,
      maxEvals: 4,
      trials,
      seed: 1,
      catchEvalExceptions: true,
    });
    expect([trials.length, trials.allTrials.length]).toEqual([2, 4]);
    await fmin({ fn: () => 1, space: xy, algo: rand.suggest, maxEvals: 4, trials, seed: 1 });
    expect([trials.length, trials.allTrials.length]).toEqual([4, 6]);
  });

  it('resumes from a JSON round trip, cancelling a trial that was left running', async () => {
    const trials = new Trials();
    await fmin({ fn: sumSquares, space: xy, algo: rand.suggest, maxEvals: 3, trials, seed: 1 });
    const json = trials.toJSON();
    const stale = {
      ...json.trials[2]!,
      tid: 3,
      state: JOB_STATE_RUNNING,
      result: { status: 'new' as const },
    };
    stale.misc = { ...stale.misc, tid: 3, idxs: { x: [3], y: [3] } };
    const restored = Trials.fromJSON({ ...json, nextTid: 4, trials: [...json.trials, stale] });
    await fmin({ fn: sumSquares, space: xy, algo: rand.suggest, maxEvals: 6, trials: restored, seed: 2 });
    expect(restored.allTrials.map((d) => d.state)).toEqual([2, 2, 2, JOB_STATE_CANCEL, 2, 2, 2]);
    expect(restored.allTrials[3]!.misc.error![1]).toMatch(/interrupted/);
    expect(restored.length).toBe(6);
  });
});

describe('fmin pointsToEvaluate (generate_trials_to_calculate)', () => {
  it("evaluates the points first; they count towards maxEvals (Hyperopt's test_generate_trials_to_calculate)", async () => {
    const seen: number[][] = [];
    const trials = new Trials();
    const { algo, asked } = counting();
    const best = await fmin({
      fn: (c: { x: number; y: number }) => (seen.push([c.x, c.y]), sumSquares(c)),
      space: xy,
      algo,
      maxEvals: 10,
      trials,
      seed: 1,
      pointsToEvaluate: [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
    });
    expect(best).toEqual({ x: 0, y: 0 });
    expect(seen.slice(0, 2)).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect([trials.length, asked()]).toEqual([10, 8]);
    expect(trials.trials[1]!.misc).toMatchObject({
      tid: 1,
      idxs: { x: [1], y: [1] },
      vals: { x: [1], y: [1] },
    });
  });

  it('evaluates all points and asks the algorithm for nothing when there are exactly maxEvals of them', async () => {
    const { algo, asked } = counting();
    const report = await runFmin({
      fn: sumSquares,
      space: xy,
      algo,
      maxEvals: 2,
      seed: 1,
      pointsToEvaluate: [
        { x: 3, y: 4 },
        { x: 1, y: 0 },
      ],
    });
    expect([report.trials.length, asked(), report.bestTrial?.result.loss]).toEqual([2, 0, 1]);
  });

  it('accepts conditional points (choice index, active labels only, inactive stored as [])', async () => {
    const seen: unknown[] = [];
    const trials = new Trials();
    await fmin({
      fn: (c: unknown) => (seen.push(c), 1),
      space: conditional,
      algo: rand.suggest,
      maxEvals: 2,
      trials,
      seed: 1,
      pointsToEvaluate: [{ kind: 1, y: 2, n: 3 }],
    });
    expect(seen[0]).toEqual({ kind: { b: 2, n: 3 } });
    expect(trials.trials[0]!.misc.vals).toEqual({ kind: [1], x: [], y: [2], n: [3] });
  });

  it('may be given with an empty Trials, but not with a non-empty one (Hyperopt would ignore the points)', async () => {
    const empty = new Trials();
    await fmin({
      fn: sumSquares,
      space: xy,
      algo: rand.suggest,
      maxEvals: 3,
      trials: empty,
      seed: 1,
      pointsToEvaluate: [{ x: 0, y: 0 }],
    });
    expect(empty.trials[0]!.misc.vals).toEqual({ x: [0], y: [0] });
    await expect(
      fmin({
        fn: sumSquares,
        space: xy,
        algo: rand.suggest,
        maxEvals: 5,
        trials: empty,
        seed: 1,
        pointsToEvaluate: [{ x: 0, y: 0 }],
      }),
    ).rejects.toThrow(/pointsToEvaluate cannot be combined with a non-empty trials/);
  });

  const badPoints: [string, unknown, RegExp][] = [
    [
      'more points than maxEvals',
      [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
        { x: 0, y: 0 },
        { x: 0, y: 0 },
      ],
      /has 4 points but maxEvals is 3/,
    ],
    ['an unknown label', [{ x: 0, y: 0, z: 1 }], /\[0\]\.z is not a hyperparameter of the space/],
    ['a missing label', [{ x: 0 }], /\[0\] has no value for the active hyperparameter y/],
    ['a non-number', [{ x: '0', y: 0 }], /\[0\]\.x must be a finite number/],
    ['a non-object', [7], /\[0\] must be an object/],
  ];

  it.each(badPoints)('rejects %s with a clear error', async (_name, points, message) => {
    const run = fmin({
      fn: sumSquares,
      space: xy,
      algo: rand.suggest,
      maxEvals: 3,
      seed: 1,
      pointsToEvaluate: points as never,
    });
    await expect(run).rejects.toThrow(FminOptionError);
    await expect(
      fmin({
        fn: sumSquares,
        space: xy,
        algo: rand.suggest,
        maxEvals: 3,
        seed: 1,
        pointsToEvaluate: points as never,
      }),
    ).rejects.toThrow(message);
  });

  it('leaves the store untouched when a point is invalid', async () => {
    const trials = new Trials();
    const points = [{ x: 0, y: 0 }, { x: 0 }] as never;
    await expect(
      fmin({
        fn: sumSquares,
        space: xy,
        algo: rand.suggest,
        maxEvals: 3,
        trials,
        seed: 1,
        pointsToEvaluate: points,
      }),
    ).rejects.toThrow(/\[1\] has no value/);
    expect([trials.allTrials.length, trials.newTrialIds(1)]).toEqual([0, [0]]);
  });

  it('rejects bad choice indices and inactive labels in conditional points', async () => {
    const run = (point: Record<string, number>) =>
      fmin({
        fn: () => 1,
        space: conditional,
        algo: rand.suggest,
        maxEvals: 3,
        seed: 1,
        pointsToEvaluate: [point],
      });
    await expect(run({ kind: 2, y: 1, n: 1 })).rejects.toThrow(
      /\[0\]\.kind must be an option index 0\.\.1 \(got 2\)/,
    );
    await expect(run({ kind: 0, x: 1, y: 1 })).rejects.toThrow(/\[0\]\.y is given but inactive/);
  });

  it('evaluates NEW trials already in the store first (generateTrialsToCalculate)', async () => {
    const trials = generateTrialsToCalculate([{ x: 5, y: 5 }], xy);
    expect(trials.allTrials.map((d) => d.state)).toEqual([0]);
    await fmin({ fn: sumSquares, space: xy, algo: rand.suggest, maxEvals: 4, trials, seed: 1 });
    expect(trials.allTrials.map((d) => d.state)).toEqual([
      JOB_STATE_DONE,
      JOB_STATE_DONE,
      JOB_STATE_DONE,
      JOB_STATE_DONE,
    ]);
    expect(trials.trials[0]!.result.loss).toBe(50);
    expect(trials.allTrials.some((d) => d.state === JOB_STATE_ERROR)).toBe(false);
  });
});
