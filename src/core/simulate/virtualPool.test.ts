import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rand } from '../algorithms/rand';
import { tpe } from '../algorithms/tpe/index';
import type { SuggestFn } from '../algorithms/types';
import { fmin } from '../fmin/fmin';
import { hp } from '../space/hp';
import { Trials } from '../trials/trials';
import { JOB_STATE_DONE, JOB_STATE_RUNNING } from '../trials/types';
import { bestAfter, simulateParallel } from './virtualPool';

const space = [hp.uniform('x', 0, 1)];
const fn = (config: unknown): number => ((config as number[])[0]! - 0.3) ** 2;

/** rand.suggest that also records, per ask, which tids were running and which were done. */
function recordingRand(log: { running: number[]; done: number[] }[]): SuggestFn {
  return (ids, domain, trials, seed) => {
    const docs = trials.trials;
    log.push({
      running: docs.filter((d) => d.state === JOB_STATE_RUNNING).map((d) => d.tid),
      done: docs.filter((d) => d.state === JOB_STATE_DONE).map((d) => d.tid),
    });
    return rand.suggest(ids, domain, trials, seed);
  };
}

describe('simulateParallel (parallel.md protocol)', () => {
  it('submits P at once, then one per completion, earliest finish first', () => {
    const log: { running: number[]; done: number[] }[] = [];
    const run = simulateParallel({
      algo: recordingRand(log),
      space,
      fn,
      parallelism: 2,
      durations: [3, 1, 1, 5, 1],
      seed: 0,
    });
    // k0 runs 0..3, k1 0..1, k2 1..2, k3 2..7, k4 3..4.
    expect(run.trials.map((t) => [t.submitTime, t.finishTime])).toEqual([
      [0, 3],
      [0, 1],
      [1, 2],
      [2, 7],
      [3, 4],
    ]);
    expect(run.makespan).toBe(7);
    expect(run.completionTimes).toEqual([1, 2, 3, 4, 7]);
    expect(run.trials.map((t) => t.inFlight)).toEqual([[], [0], [0], [0], [3]]);
    expect(run.completionLosses).toEqual([1, 2, 0, 4, 3].map((k) => run.trials[k]!.loss));
    // Each ask sees the trials in flight as running documents and only the revealed results.
    expect(log).toEqual([
      { running: [], done: [] },
      { running: [0], done: [] },
      { running: [0], done: [1] },
      { running: [0], done: [1, 2] },
      { running: [3], done: [0, 1, 2] },
    ]);
    expect(run.history.trials.every((d) => d.state === JOB_STATE_DONE)).toBe(true);
    expect(bestAfter(run, 2)).toBe(Math.min(run.trials[1]!.loss, run.trials[2]!.loss));
  });

  it('breaks finish-time ties by submission order', () => {
    const run = simulateParallel({
      algo: rand.suggest,
      space,
      fn,
      parallelism: 3,
      durations: [2, 1, 1],
      seed: 1,
    });
    expect(run.completionLosses).toEqual([1, 2, 0].map((k) => run.trials[k]!.loss));
  });

  it("reproduces parallel.md's median makespans from the reference durations", () => {
    const url = new URL('../__reference__/parallel-durations.json', import.meta.url);
    const { durations } = JSON.parse(readFileSync(url, 'utf8')) as { durations: Record<string, number[]> };
    const medians = [1, 4, 16].map((parallelism) => {
      const spans = Object.values(durations).map(
        (d) =>
          simulateParallel({ algo: rand.suggest, space, fn, parallelism, durations: d, seed: 0 }).makespan,
      );
      spans.sort((a, b) => a - b);
      return Math.round(((spans[9]! + spans[10]!) / 2) * 100) / 100;
    });
    expect(medians).toEqual([101.84, 26.19, 8.61]);
  });

  it('with P = 1 is fmin’s serial run with the same seed, trial for trial', async () => {
    const durations = Array.from({ length: 30 }, (_, k) => 1 + (k % 3));
    const run = simulateParallel({ algo: tpe.suggest, space, fn, parallelism: 1, durations, seed: 7 });
    const trials = new Trials();
    await fmin({ fn, space, algo: tpe.suggest, maxEvals: 30, trials, seed: 7 });
    expect(run.completionLosses).toEqual(trials.losses());
  });

  it('is deterministic for a seed, with and without a liar', () => {
    const durations = Array.from({ length: 40 }, (_, k) => 0.5 + ((k * 7) % 5) / 3);
    for (const algo of [tpe.suggest, tpe.suggest.with({ liar: 'worst' })]) {
      const a = simulateParallel({ algo, space, fn, parallelism: 4, durations, seed: 3 });
      const b = simulateParallel({ algo, space, fn, parallelism: 4, durations, seed: 3 });
      expect(a.trials).toEqual(b.trials);
    }
  });

  it('rejects a bad parallelism or budget', () => {
    const base = { algo: rand.suggest, space, fn, durations: [1, 1], seed: 0 };
    expect(() => simulateParallel({ ...base, parallelism: 0 })).toThrow(RangeError);
    expect(() => simulateParallel({ ...base, parallelism: 1, nTrials: 3 })).toThrow(RangeError);
  });
});
