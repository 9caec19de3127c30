import { describe, expect, it } from 'vitest';
import { rand } from '../algorithms/rand';
import { tpe } from '../algorithms/tpe/index';
import { fmin } from '../fmin/fmin';
import { benchObjective } from '../objectives/benchmarks';
import { Trials } from '../trials/trials';
import { bestSoFar } from './curves';
import { labArms, runLabJob, summarizeLab } from './lab';
import type { LabSetup } from './lab';
import { runRaceJob, summarizeRace } from './race';

const branin = benchObjective('branin')!;
const setup: LabSetup = {
  objective: branin,
  algo: tpe.suggest,
  maxEvals: 30,
  seeds: [0, 1, 2],
  durations: { kind: 'stragglers', base: 1, spread: 0.3, stragglerProbability: 0.1, stragglerFactor: 8 },
  levels: [4, 1, 16, 4],
  randomBaseline: true,
};

describe('the parallelism lab', () => {
  it('runs the levels in increasing order, then random search at the highest level', () => {
    expect(labArms(setup)).toEqual([
      { kind: 'algo', parallelism: 1 },
      { kind: 'algo', parallelism: 4 },
      { kind: 'algo', parallelism: 16 },
      { kind: 'random', parallelism: 16 },
    ]);
    expect(labArms({ levels: [], randomBaseline: true })).toEqual([]);
  });

  it('is deterministic for a seed, and P = 1 is serial fmin', async () => {
    const a = runLabJob(setup, { kind: 'algo', parallelism: 4 }, 2);
    expect(runLabJob(setup, { kind: 'algo', parallelism: 4 }, 2)).toEqual(a);
    const serial = runLabJob(setup, { kind: 'algo', parallelism: 1 }, 2);
    const trials = new Trials();
    await fmin({ fn: branin.fn, space: branin.space, algo: tpe.suggest, maxEvals: 30, trials, seed: 2 });
    expect(serial.losses).toEqual(trials.losses());
  });

  it('gives random search the same points at every P (only their completion order changes)', () => {
    const one = runLabJob(setup, { kind: 'random', parallelism: 1 }, 1);
    const many = runLabJob(setup, { kind: 'random', parallelism: 16 }, 1);
    expect([...many.losses].sort()).toEqual([...one.losses].sort());
    expect(Math.min(...many.losses)).toBe(Math.min(...one.losses));
  });

  it('summarises bands, finals, makespans and speed-ups against the lowest level', () => {
    const arms = labArms(setup);
    const traces = arms.map((arm) => setup.seeds.map((seed) => runLabJob(setup, arm, seed)));
    const summary = summarizeLab(arms, traces, setup.maxEvals);
    expect(summary.reference).toBe(0);
    const [p1, p4, p16, random] = summary.arms;
    expect(p1!.speedUp).toBe(1);
    // Same durations for every arm: more workers finish sooner, and P only sets the wall time.
    expect(p4!.makespan.median).toBeLessThan(p1!.makespan.median);
    expect(p16!.makespan.median).toBeLessThan(p4!.makespan.median);
    expect(p16!.speedUp).toBeGreaterThan(p4!.speedUp);
    expect(random!.makespan).toEqual(p16!.makespan);
    for (const arm of summary.arms) {
      expect(arm.byTrial.map((p) => p.x)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(arm.byTime.at(-1)!.x).toBe(arm.makespan.max);
      // At the end every seed has finished, so the time curve ends at the final best.
      expect(arm.byTime.at(-1)!.median).toBeCloseTo(arm.finalBest.median, 12);
      expect(arm.byTrial.at(-1)!.median).toBeCloseTo(arm.finalBest.median, 12);
    }
    const finals = traces[0]!.map((t) => Math.min(...t.losses)).sort((a, b) => a - b);
    expect(p1!.finalBest.median).toBe(finals[1]);
    expect(p1!.byTrial[0]!.median).toBe(traces[0]!.map((t) => t.losses[0]!).sort((a, b) => a - b)[1]);
  });
});

describe('the algorithm race', () => {
  it('runs serially, summarises finals, EDFs and ranks per competitor', async () => {
    const race = { objective: branin, maxEvals: 25, seeds: [0, 1, 2, 3] };
    const algos = [rand.suggest, tpe.suggest];
    const traces = algos.map((algo) => race.seeds.map((seed) => runRaceJob(race, algo, seed)));
    const trials = new Trials();
    await fmin({ fn: branin.fn, space: branin.space, algo: rand.suggest, maxEvals: 25, trials, seed: 3 });
    expect(traces[0]![3]!.losses).toEqual(trials.losses());
    const entries = summarizeRace(traces, 25);
    entries.forEach((entry, c) => {
      expect(entry.finals).toEqual(traces[c]!.map((t) => bestSoFar(t.losses).at(-1)));
      expect(entry.edf.at(-1)!.p).toBe(1);
      expect(entry.byTrial).toHaveLength(25);
    });
    expect(entries[0]!.meanRank + entries[1]!.meanRank).toBe(3);
    expect(entries[0]!.wins + entries[1]!.wins).toBeGreaterThanOrEqual(4);
  });
});
