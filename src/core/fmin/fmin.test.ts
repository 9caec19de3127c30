import { describe, expect, it } from 'vitest';
import { rand } from '../algorithms/rand';
import type { SuggestFn } from '../algorithms/types';
import { createRng, seedFromRng } from '../random';
import { compileSpace, hp, spaceEval } from '../space';
import { Trials } from '../trials/trials';
import { JOB_STATE_DONE } from '../trials/types';
import type { TrialDoc } from '../trials/types';
import { NoTrialsError } from './errors';
import { fmin, runFmin } from './fmin';

const quadratic = { x: hp.uniform('x', -5, 5) };
const conditional = {
  kind: hp.choice('kind', [
    { a: hp.uniform('x', -5, 5) },
    { b: hp.loguniform('y', 0, 2), n: hp.quniform('n', 1, 10, 1) },
  ]),
};
type Conditional = { kind: { a: number } | { b: number; n: number } };
const conditionalLoss = (c: Conditional): number => ('a' in c.kind ? 10 + c.kind.a : c.kind.b - c.kind.n);

/** Wraps an algo to record what fmin passed to each call. */
function recording(algo: SuggestFn): {
  algo: SuggestFn;
  calls: { ids: number[]; seed: number; pending: number }[];
} {
  const calls: { ids: number[]; seed: number; pending: number }[] = [];
  return {
    calls,
    algo: (ids, domain, trials, seed) => {
      calls.push({ ids, seed, pending: trials.trials.filter((d) => d.state !== JOB_STATE_DONE).length });
      return algo(ids, domain, trials, seed);
    },
  };
}

describe('fmin basics', () => {
  it('runs maxEvals trials with rand and returns the argmin of the best', async () => {
    const trials = new Trials();
    const argmin = await fmin({
      fn: (c: { x: number }) => (c.x - 3) ** 2,
      space: quadratic,
      algo: rand.suggest,
      maxEvals: 200,
      trials,
      seed: 123,
    });
    expect(trials.length).toBe(200);
    expect(trials.tids).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(trials.allTrials.every((d) => d.state === JOB_STATE_DONE && d.result.status === 'ok')).toBe(true);
    expect(argmin).toEqual(trials.argmin);
    expect(Math.abs(argmin['x']! - 3)).toBeLessThan(0.25);
    expect(trials.bestLoss).toBe(Math.min(...(trials.losses() as number[])));
  });

  it('accepts a compiled space and an async objective', async () => {
    const trials = new Trials();
    await fmin({
      fn: async (c: { x: number }) => c.x,
      space: compileSpace(quadratic),
      algo: rand.suggest,
      maxEvals: 5,
      trials,
      seed: 1,
    });
    expect(trials.length).toBe(5);
  });

  it('gives argmin with choice indices, and the configuration with returnArgmin false (inactive labels omitted)', async () => {
    const trials = new Trials();
    const argmin = await fmin({
      fn: conditionalLoss,
      space: conditional,
      algo: rand.suggest,
      maxEvals: 40,
      trials,
      seed: 3,
    });
    const best = trials.bestTrial;
    expect(argmin['kind']).toBe(1);
    expect(Object.keys(argmin).sort()).toEqual(['kind', 'n', 'y']);
    expect(best.misc.vals['x']).toEqual([]);
    const config = await fmin({
      fn: conditionalLoss,
      space: conditional,
      algo: rand.suggest,
      maxEvals: 40,
      seed: 3,
      returnArgmin: false,
    });
    expect(config).toEqual({ kind: { b: argmin['y'], n: argmin['n'] } });
    expect(config).toEqual(spaceEval(conditional, argmin));
  });

  it('defaults to a fresh Trials and to rand while no tpe is registered', async () => {
    const report = await runFmin({ fn: (c: { x: number }) => c.x, space: quadratic, maxEvals: 3, seed: 1 });
    const direct = await runFmin({
      fn: (c: { x: number }) => c.x,
      space: quadratic,
      algo: rand.suggest,
      maxEvals: 3,
      seed: 1,
    });
    expect(report.trials.allTrials.map((d) => d.misc.vals)).toEqual(
      direct.trials.allTrials.map((d) => d.misc.vals),
    );
    expect(report.stopReason).toBe('maxEvals');
    expect(report.bestTrial?.result.loss).toBe(direct.trials.bestLoss);
  });

  it('throws NoTrialsError for maxEvals 0 and returns null with returnArgmin false', async () => {
    await expect(
      fmin({ fn: () => 1, space: quadratic, algo: rand.suggest, maxEvals: 0, seed: 1 }),
    ).rejects.toThrow(NoTrialsError);
    await expect(
      fmin({ fn: () => 1, space: quadratic, algo: rand.suggest, maxEvals: 0, seed: 1, returnArgmin: false }),
    ).resolves.toBeNull();
    const report = await runFmin({ fn: () => 1, space: quadratic, algo: rand.suggest, maxEvals: 0, seed: 1 });
    expect(report.bestTrial).toBeUndefined();
  });

  it('stores extra result fields and moves attachments to the trial attachments', async () => {
    const trials = new Trials();
    await fmin({
      fn: (c: { x: number }) => ({
        status: 'ok',
        loss: c.x,
        accuracy: 0.5,
        attachments: { model: { w: [1, 2] } },
      }),
      space: quadratic,
      algo: rand.suggest,
      maxEvals: 2,
      trials,
      seed: 1,
    });
    expect(trials.results[0]).toEqual({ status: 'ok', loss: trials.results[0]!.loss, accuracy: 0.5 });
    expect(trials.trialAttachments(1)).toEqual({ model: { w: [1, 2] } });
  });

  it('records status "fail" results as done trials that are never the best', async () => {
    const trials = new Trials();
    let i = 0;
    const argmin = await fmin({
      fn: () => (i++ % 2 === 0 ? { status: 'fail', loss: -100 } : 5 + i),
      space: quadratic,
      algo: rand.suggest,
      maxEvals: 6,
      trials,
      seed: 2,
    });
    expect(trials.statuses()).toEqual(['fail', 'ok', 'fail', 'ok', 'fail', 'ok']);
    expect(trials.bestTrial.tid).toBe(1);
    expect(argmin).toEqual(trials.argmin);
  });

  it('calls onTrialEnd for every trial and stamps times with the injected clock', async () => {
    let now = 1_000;
    const ended: number[] = [];
    const trials = new Trials();
    await fmin({
      fn: () => ((now += 10), 1),
      space: quadratic,
      algo: rand.suggest,
      maxEvals: 3,
      trials,
      seed: 1,
      clock: () => now,
      onTrialEnd: (doc: TrialDoc) => ended.push(doc.tid),
    });
    expect(ended).toEqual([0, 1, 2]);
    expect(trials.trials.map((d) => [d.bookTime, d.refreshTime])).toEqual([
      [1000, 1010],
      [1010, 1020],
      [1020, 1030],
    ]);
  });
});

describe('fmin seeding and batches', () => {
  it('draws seedFromRng(rstate) before every algorithm call, exactly like rstate.integers(2**31 - 1)', async () => {
    const { algo, calls } = recording(rand.suggest);
    await fmin({ fn: () => 1, space: quadratic, algo, maxEvals: 4, seed: 42 });
    const rng = createRng(42);
    expect(calls.map((c) => c.seed)).toEqual([1, 2, 3, 4].map(() => seedFromRng(rng)));
    expect(calls.map((c) => c.ids)).toEqual([[0], [1], [2], [3]]);
  });

  it('is reproducible: same seed, same trials; another seed, other trials; rstate equals seed', async () => {
    const run = async (opts: { seed?: number; rstate?: ReturnType<typeof createRng> }) =>
      (
        await runFmin({ fn: conditionalLoss, space: conditional, algo: rand.suggest, maxEvals: 25, ...opts })
      ).trials.allTrials.map((d) => [d.misc.vals, d.result]);
    const a = await run({ seed: 5 });
    expect(await run({ seed: 5 })).toEqual(a);
    expect(await run({ rstate: createRng(5) })).toEqual(a);
    expect(await run({ seed: 6 })).not.toEqual(a);
  });

  it('derives a seed from the clock when neither seed nor rstate is given', async () => {
    const run = async (time: number) =>
      (
        await runFmin({ fn: () => 1, space: quadratic, algo: rand.suggest, maxEvals: 3, clock: () => time })
      ).trials.allTrials.map((d) => d.misc.vals);
    expect(await run(1_700_000_000_123)).toEqual(await run(1_700_000_000_123));
    expect(await run(1_700_000_000_123)).not.toEqual(await run(1_700_000_000_124));
  });

  it('asks for min(maxQueueLen - qlen, N - nQueued) trials at a time and evaluates each batch (maxQueueLen > 1)', async () => {
    const { algo, calls } = recording(rand.suggest);
    const evaluated: number[] = [];
    const trials = new Trials();
    await fmin({
      fn: (c: { x: number }) => (evaluated.push(c.x), c.x),
      space: quadratic,
      algo,
      maxEvals: 10,
      maxQueueLen: 4,
      trials,
      seed: 9,
    });
    expect(calls.map((c) => c.ids)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect(calls.map((c) => c.pending)).toEqual([0, 0, 0]);
    expect(evaluated).toEqual(trials.trials.map((d) => d.misc.vals['x']![0]));
    // one generator per call: a batch of 4 is what rand draws for those ids with that seed
    expect(trials.trials.slice(0, 4).map((d) => d.misc.vals)).toEqual(
      rand
        .suggest([0, 1, 2, 3], { space: compileSpace(quadratic) }, trials, calls[0]!.seed)
        .map((t) => ({ x: [t.vals['x']] })),
    );
  });

  it('stops when the algorithm returns no trial (and still evaluates what it gave)', async () => {
    let budget = 3;
    const algo: SuggestFn = (ids, domain, trials, seed) =>
      budget-- > 0 ? rand.suggest(ids, domain, trials, seed) : [];
    const report = await runFmin({ fn: () => 1, space: quadratic, algo, maxEvals: 10, seed: 1 });
    expect(report.trials.length).toBe(3);
    expect(report.stopReason).toBe('algoExhausted');
  });

  it('rejects malformed algorithm output', async () => {
    const tooMany: SuggestFn = (ids) => [...ids, 99].map((tid) => ({ tid, vals: { x: 0 } }));
    await expect(
      fmin({ fn: () => 1, space: quadratic, algo: tooMany, maxEvals: 2, seed: 1 }),
    ).rejects.toThrow(/at most 1 trials/);
    const wrongTid: SuggestFn = () => [{ tid: 42, vals: { x: 0 } }];
    await expect(
      fmin({ fn: () => 1, space: quadratic, algo: wrongTid, maxEvals: 2, seed: 1 }),
    ).rejects.toThrow(/one of the new ids 0/);
  });
});
