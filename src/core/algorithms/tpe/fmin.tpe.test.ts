import { describe, expect, it } from 'vitest';
import { fmin } from '../../fmin/fmin';
import { hp } from '../../space/hp';
import { Trials } from '../../trials/trials';
import { rand } from '../rand';
import { tpe } from './index';

// End to end through fmin: TPE proposes from the trials fmin records, one trial per call.
const branin = {
  x: hp.uniform('x', -5, 10),
  y: hp.uniform('y', 0, 15),
};
const braninLoss = ({ x, y }: { x: number; y: number }): number => {
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10;
};

async function best(algo: typeof tpe.suggest | typeof rand.suggest, seed: number): Promise<number> {
  const trials = new Trials();
  await fmin({ fn: braninLoss, space: branin, algo, maxEvals: 80, trials, seed });
  return trials.bestLoss!;
}

describe('fmin with tpe.suggest', () => {
  it('runs, is reproducible under a seed, and beats random search on Branin on average', async () => {
    expect(await best(tpe.suggest, 1)).toBe(await best(tpe.suggest, 1));
    let tpeTotal = 0;
    let randTotal = 0;
    for (let seed = 0; seed < 8; seed++) {
      tpeTotal += await best(tpe.suggest, seed);
      randTotal += await best(rand.suggest, seed);
    }
    expect(tpeTotal).toBeLessThan(randTotal);
  });

  it('the first nStartupJobs trials are exactly random search', async () => {
    const a = new Trials();
    const b = new Trials();
    await fmin({ fn: braninLoss, space: branin, algo: tpe.suggest, maxEvals: 20, trials: a, seed: 5 });
    await fmin({ fn: braninLoss, space: branin, algo: rand.suggest, maxEvals: 20, trials: b, seed: 5 });
    expect(a.trials.map((d) => d.misc.vals)).toEqual(b.trials.map((d) => d.misc.vals));
  });
});
