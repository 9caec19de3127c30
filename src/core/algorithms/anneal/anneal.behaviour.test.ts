import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import { hp } from '../../space/hp';
import { compileSpace } from '../../space/validate';
import type { CompiledSpace, Vals } from '../../space/types';
import type { TrialDoc } from '../../trials/types';
import type { SuggestAlgo } from '../types';
import { chooseValue } from './engine';
import { observationsOf, readAnnealHistory } from './history';
import { anneal } from './index';
import type { AnnealOptions } from './options';
import { docsOf, meanStd, randomHistory } from './testSupport';

const line = compileSpace({ x: hp.uniform('x', -10, 10) });
const quadratic = (v: Vals) => (v.x! - 3) ** 2;

/** Proposals for `seeds` seeds from one history. */
function proposals(
  space: CompiledSpace,
  docs: readonly TrialDoc[],
  seeds: number,
  algo: SuggestAlgo<AnnealOptions> = anneal.suggest,
): Vals[] {
  return Array.from(
    { length: seeds },
    (_, s) => algo([docs.length], { space }, { trials: docs }, s)[0]!.vals,
  );
}
const xs = (vals: readonly Vals[]) => vals.map((v) => v.x!);

describe('anneal.suggest: behaviour', () => {
  it('concentrates near the best trial as the history grows (1-D quadratic)', () => {
    const spread: number[] = [];
    const error: number[] = [];
    for (const T of [5, 20, 80, 320]) {
      const x = xs(proposals(line, randomHistory(line, T, quadratic, 9), 400));
      spread.push(meanStd(x).std);
      error.push(meanStd(x.map((v) => Math.abs(v - 3))).mean);
    }
    for (let i = 1; i < spread.length; i++) {
      expect(spread[i]).toBeLessThan(spread[i - 1]!);
      expect(error[i]).toBeLessThan(error[i - 1]!);
    }
    expect(spread[3]).toBeLessThan(0.2 * spread[0]!);
    expect(error[3]).toBeLessThan(0.5);
  });

  it('stays within the prior range even around a trial at its edge (np.clip of the midpoint)', () => {
    const docs = docsOf(line, [{ vals: { x: 9.99 }, status: 'ok', loss: 0 }]);
    const x = xs(proposals(line, docs, 500));
    expect(Math.max(...x)).toBeLessThanOrEqual(10);
    // T = 1: width 20/1.1 ≈ 18.2, slid to [−8.18, 10].
    expect(Math.min(...x)).toBeGreaterThan(10 - 20 / 1.1);
    expect(Math.min(...x)).toBeLessThan(-7);
  });

  it('keeps the categorical values of the chosen trial with probability (1 − s) + s·prior', () => {
    const space = compileSpace({
      c: hp.choice('c', [0, 1, 2, 3, 4]),
      n: hp.randint('n', 10, 20),
      p: hp.pchoice('p', [
        [0.4, 'a'],
        [0.4, 'b'],
        [0.2, 'c'],
      ]),
    });
    const loss = (v: Vals) => v.c! + 5 * Math.abs(v.n! - 17) + 50 * v.p!;
    for (const T of [10, 150]) {
      const docs = randomHistory(space, T, loss, 4);
      const best = docs.reduce((a, d) => (d.result.loss! < a.result.loss! ? d : a)).misc.vals;
      // avgBestIdx 1: always the best trial; s = 1 / (1 + 0.1·T) is the weight of the prior.
      const got = proposals(space, docs, 4000, anneal.suggest.with({ avgBestIdx: 1 }));
      const s = 1 / (1 + 0.1 * T);
      const share = (label: string) => got.filter((v) => v[label] === best[label]![0]).length / got.length;
      const pBest = [0.4, 0.4, 0.2][best.p![0]!]!;
      expect(Math.abs(share('c') - (1 - s + s / 5))).toBeLessThan(0.025);
      expect(Math.abs(share('n') - (1 - s + s / 10))).toBeLessThan(0.025);
      expect(Math.abs(share('p') - (1 - s + s * pBest))).toBeLessThan(0.025);
    }
  });

  it('proposes the best trials’ category more often as the history grows', () => {
    const space = compileSpace({ c: hp.choice('c', [0, 1, 2, 3, 4]) });
    const share = (T: number) => {
      const got = proposals(
        space,
        randomHistory(space, T, (v) => (v.c === 2 ? 0 : 1), 4),
        2000,
      );
      return got.filter((v) => v.c === 2).length / got.length;
    };
    const early = share(8);
    const late = share(150);
    expect(early).toBeGreaterThan(0.3); // the prior gives 0.2
    expect(late).toBeGreaterThan(0.85); // (1 − 1/16) + (1/16)/5 ≈ 0.95 around a c = 2 trial
    expect(late).toBeGreaterThan(early);
  });

  it('takes every hyperparameter of a proposal from the same chosen trial when it can', () => {
    const space = compileSpace({ x: hp.uniform('x', 0, 1), y: hp.uniform('y', 0, 1) });
    const docs = randomHistory(space, 40, (v) => (v.x! - 0.2) ** 2 + (v.y! - 0.7) ** 2, 2);
    const tight = anneal.suggest.with({ shrinkCoef: 1e6 });
    const trials = docs.map((d) => [d.misc.vals.x![0]!, d.misc.vals.y![0]!] as const);
    for (const v of proposals(space, docs, 50, tight)) {
      const near = trials.filter(([x, y]) => Math.abs(x - v.x!) < 1e-4 && Math.abs(y - v.y!) < 1e-4);
      expect(near).toHaveLength(1);
    }
  });

  it('proposes conditional parameters only in the chosen branch, from that branch’s trials', () => {
    const space = compileSpace(
      hp.choice('kind', [
        { x: hp.uniform('x', -5, 5) },
        { y: hp.loguniform('y', Math.log(1e-3), Math.log(1e3)), n: hp.quniform('n', 1, 20, 1) },
      ]),
    );
    const docs = docsOf(space, [
      { vals: { kind: 0, x: 1 }, status: 'ok', loss: 0 },
      { vals: { kind: 1, y: 50, n: 4 }, status: 'ok', loss: 2 },
      { vals: { kind: 1, y: 5, n: 7 }, status: 'ok', loss: 1 },
    ]);
    for (const v of proposals(space, docs, 300)) {
      expect(Object.keys(v).sort()).toEqual(v.kind === 0 ? ['kind', 'x'] : ['kind', 'n', 'y']);
    }
    // choose_ltv for y when the trial chosen for `kind` (tid 0) has no y: a runner-up among y's trials.
    const history = readAnnealHistory(docs);
    const chosen = [0];
    expect(chooseValue(observationsOf(history, 'y'), history.losses, chosen, 1, createRng(1))).toBe(5);
    expect(chosen).toEqual([0, 2]);
    expect(chooseValue(observationsOf(history, 'n'), history.losses, chosen, 1, createRng(1))).toBe(7);
  });

  it('draws a branch parameter that was never observed from its prior', () => {
    const space = compileSpace(
      hp.choice('kind', [
        { x: hp.uniform('x', -5, 5) },
        { y: hp.loguniform('y', Math.log(1e-3), Math.log(1e3)) },
      ]),
    );
    const docs = randomHistory(
      compileSpace({ kind: hp.choice('kind', [0]), x: hp.uniform('x', -5, 5) }),
      30,
      (v) => Math.abs(v.x!),
    ).map((d) => ({
      ...d,
      misc: { ...d.misc, vals: { ...d.misc.vals, y: [] }, idxs: { ...d.misc.idxs, y: [] } },
    }));
    const ys = proposals(space, docs, 600, anneal.suggest.with({ shrinkCoef: 0 }))
      .filter((v) => v.kind === 1)
      .map((v) => v.y!);
    expect(ys.length).toBeGreaterThan(200);
    expect(Math.min(...ys)).toBeLessThan(0.01);
    expect(Math.max(...ys)).toBeGreaterThan(100);
  });

  it('shrinkCoef and avgBestIdx change the behaviour as documented', () => {
    const docs = randomHistory(line, 40, quadratic, 5);
    const spread = (o: Partial<AnnealOptions>) =>
      meanStd(xs(proposals(line, docs, 600, anneal.suggest.with(o)))).std;
    const none = spread({ shrinkCoef: 0 });
    const normal = spread({});
    const strong = spread({ shrinkCoef: 1 });
    expect(none).toBeGreaterThan(4.5); // the prior's width around the chosen trial
    expect(normal).toBeLessThan(0.8 * none);
    expect(strong).toBeLessThan(0.5 * normal);
    const meanLoss = (o: Partial<AnnealOptions>) =>
      meanStd(
        xs(proposals(line, docs, 600, anneal.suggest.with({ shrinkCoef: 1, ...o }))).map((x) => (x - 3) ** 2),
      ).mean;
    expect(meanLoss({ avgBestIdx: 1 })).toBeLessThan(meanLoss({ avgBestIdx: 8 }));
    // avgBestIdx 1 with a tiny neighbourhood reproduces the best trial.
    const bestX = docs.reduce((a, d) => ((d.result.loss ?? Infinity) < (a.result.loss ?? Infinity) ? d : a))
      .misc.vals.x![0]!;
    for (const x of xs(proposals(line, docs, 20, anneal.suggest.with({ avgBestIdx: 1, shrinkCoef: 1e9 }))))
      expect(Math.abs(x - bestX)).toBeLessThan(1e-6);
  });
});
