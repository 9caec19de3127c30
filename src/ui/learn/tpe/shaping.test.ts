import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileSpace,
  hp,
  type CategoricalLabelExplanation,
  type NumericLabelExplanation,
} from '../../../core';
import { categoricalPrior, categoryBars, optionName } from './categoryBars';
import { densityGrid, totalMass } from './densityGrid';
import { DEMO_SPACE, runDemo } from './demoRun';
import { compileRunSpace } from './explainRun';
import { explainTrial } from './explainTrial';
import { currentTid, moveTo, parseTid, startAt, step } from './timeTravel';
import { recordRun } from './recordRun';

const wide = {
  n: hp.normal('n', 2, 3),
  qu: hp.quniform('qu', 0, 10, 0.5),
  ql: hp.qloguniform('ql', Math.log(1), Math.log(200), 5),
  qn: hp.qnormal('qn', 0, 10, 1),
  ln: hp.lognormal('ln', 0, 1),
  r: hp.randint('r', 4),
  p: hp.pchoice('p', [
    [0.2, 'a'],
    [0.8, 'b'],
  ]),
};

async function explanations(space: typeof wide | typeof DEMO_SPACE, seed: number) {
  const run = await recordRun({
    space,
    fn: (p: unknown) => (JSON.stringify(p).length * 7919) % 97,
    algo: { name: 'tpe' },
    maxEvals: 28,
    seed,
  });
  const compiled = compileRunSpace(run);
  const out = [];
  for (let tid = 20; tid < 28; tid++)
    for (const param of compiled.params) {
      const e = explainTrial(run, compiled, tid, param.label);
      if (typeof e !== 'string' && e.explanation.model !== null)
        out.push({ param, model: e.explanation.model });
    }
  return out;
}

describe('density grids', () => {
  it('integrate (or sum) to ~1 for every numeric kind, with linear or log axes as the kind says', async () => {
    const all = [...(await explanations(DEMO_SPACE, 4)), ...(await explanations(wide, 9))];
    const kinds = new Set<string>();
    for (const { param, model } of all) {
      if (model.type !== 'numeric') continue;
      kinds.add(param.expr.$hp);
      const grid = densityGrid(model);
      expect(grid.axis).toBe(param.expr.$hp.includes('log') ? 'log' : 'linear');
      expect(grid.discrete).toBe(model.q !== null);
      for (const which of ['l', 'g'] as const)
        expect(totalMass(grid, which), `${param.label} ${which}`).toBeCloseTo(1, 1);
      expect(grid.l.every((y) => Number.isFinite(y) && y >= 0)).toBe(true);
      // The prior's share never exceeds the whole.
      grid.lPrior.forEach((y, i) =>
        expect(y).toBeLessThanOrEqual(grid.l[i]! * (grid.discrete ? 1.5 : 1) + 1e-12),
      );
    }
    expect([...kinds].sort()).toEqual([
      'lognormal',
      'loguniform',
      'normal',
      'qloguniform',
      'qnormal',
      'quniform',
      'uniform',
    ]);
  });

  it('draws continuous l exactly where core scored the candidates', async () => {
    const { model } = (await explanations(DEMO_SPACE, 4)).find((x) => x.param.label === 'x')!;
    const e = model as NumericLabelExplanation;
    const grid = densityGrid(e);
    const i = 100;
    const at = grid.xs[i]!;
    let sum = 0;
    e.below.mus.forEach((mu, k) => {
      const sigma = e.below.sigmas[k]!;
      sum +=
        (e.below.weights[k]! * Math.exp(-0.5 * ((at - mu) / sigma) ** 2)) / (sigma * Math.sqrt(2 * Math.PI));
    });
    expect(grid.l[i]).toBeCloseTo(sum / e.below.pAccept, 10);
  });
});

describe('category bars', () => {
  it('are weighted histograms: l, g and the prior each sum to 1; candidates are counted', async () => {
    const all = [...(await explanations(DEMO_SPACE, 4)), ...(await explanations(wide, 9))];
    const seen = new Set<string>();
    for (const { param, model } of all) {
      if (model.type !== 'categorical') continue;
      seen.add(param.expr.$hp);
      const bars = categoryBars(param, model as CategoricalLabelExplanation);
      for (const list of [bars.below, bars.above, bars.prior]) {
        expect(list).toHaveLength(bars.names.length);
        expect(list.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
      }
      expect(bars.candidates.reduce((s, c) => s + c, 0)).toBe(model.candidates.length);
      expect(bars.candidates[bars.winner]).toBeGreaterThan(0);
    }
    expect([...seen].sort()).toEqual(['choice', 'pchoice', 'randint']);
  });

  it('name options by their literal or kind', () => {
    expect(optionName('relu', 0)).toBe('relu');
    expect(optionName({ kind: 'tree', depth: 3 }, 1)).toBe('tree');
    expect(optionName([1, 2], 2)).toBe('option 2');
    const space = compileSpace(DEMO_SPACE);
    expect(categoricalPrior(space.byLabel.get('model')!)).toEqual({
      names: ['linear', 'tree'],
      prior: [0.5, 0.5],
    });
    expect(categoricalPrior(compileSpace(wide).byLabel.get('r')!).names).toEqual(['0', '1', '2', '3']);
  });
});

describe('time travel', () => {
  it('steps within the list, starts where asked, and lands on the nearest trial from the slider', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(200), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: -3, max: 3 })),
        (raw, moves) => {
          const tids = [...raw].sort((a, b) => a - b);
          let state = startAt(tids, undefined);
          expect(currentTid(state)).toBe(tids[tids.length - 1]);
          for (const delta of moves) {
            const next = step(state, delta);
            expect(next.index).toBe(Math.min(Math.max(state.index + delta, 0), tids.length - 1));
            state = next;
          }
          expect(tids).toContain(currentTid(state));
        },
      ),
    );
    const tids = [20, 21, 25, 30];
    expect(currentTid(startAt(tids, 25))).toBe(25);
    expect(currentTid(startAt(tids, 99, 21))).toBe(21);
    expect(currentTid(moveTo(startAt(tids, 20), 22))).toBe(25);
    expect(currentTid(moveTo(startAt(tids, 20), 31))).toBe(30);
    expect(parseTid('12')).toBe(12);
    expect(parseTid('-1')).toBeUndefined();
    expect(parseTid('1e3')).toBeUndefined();
  });
});

describe('the demo run', () => {
  it('is quick, reproducible, and has startup and TPE trials with an inactive conditional label', async () => {
    const t0 = performance.now();
    const a = await runDemo();
    const ms = performance.now() - t0;
    const b = await runDemo();
    expect(a).toEqual(b);
    expect(ms).toBeLessThan(500);
    expect(a.trials.some((t) => !('alpha' in t.vals))).toBe(true);
    expect(a.trials.some((t) => 'alpha' in t.vals)).toBe(true);
  });
});
