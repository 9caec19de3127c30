import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import { hp } from '../../space/hp';
import { sampleVals } from '../../space/sample';
import { compileSpace } from '../../space/validate';
import type { TrialDoc } from '../../trials/types';
import { algoFromSpec, algoToSpec, getRegisteredAlgo } from '../registry';
import type { SuggestFn } from '../types';
import { chooseValue, geometric, indexOfRank } from './engine';
import { observationsOf, readAnnealHistory } from './history';
import { anneal, ANNEAL_DEFAULTS } from './index';
import { shrinking } from './neighbourhood';
import { docsOf, meanStd, randomHistory } from './testSupport';

const flat = compileSpace({
  x: hp.uniform('x', -10, 10),
  c: hp.choice('c', ['a', 'b', 'c', 'd']),
  n: hp.randint('n', 3, 9),
});
const conditional = compileSpace(
  hp.choice('kind', [
    { kind: 'a', x: hp.uniform('x', -5, 5) },
    { kind: 'b', y: hp.loguniform('y', Math.log(1e-3), Math.log(1e3)), n: hp.quniform('n', 1, 20, 1) },
  ]),
);
const propose = (docs: readonly TrialDoc[], seed: number, space = flat, algo: SuggestFn = anneal.suggest) =>
  algo([docs.length], { space }, { trials: docs }, seed)[0]!.vals;

describe('anneal.suggest: API', () => {
  it('is registered as "anneal" with Hyperopt defaults and rebuilds from a spec', () => {
    expect(anneal.suggest.algoName).toBe('anneal');
    expect(anneal.suggest.options).toEqual({ avgBestIdx: 2, shrinkCoef: 0.1 });
    expect(ANNEAL_DEFAULTS).toEqual(anneal.suggest.options);
    expect(getRegisteredAlgo('anneal')).toBe(anneal.suggest);
    const algo = algoFromSpec({ name: 'anneal', options: { shrinkCoef: 0.5 } });
    expect(algo.options).toEqual({ avgBestIdx: 2, shrinkCoef: 0.5 });
    const spec = algoToSpec(algo);
    expect(spec).toEqual({ name: 'anneal', options: { avgBestIdx: 2, shrinkCoef: 0.5 } });
    const docs = randomHistory(flat, 10, (v) => v.x! ** 2);
    const rebuilt = algoFromSpec(JSON.parse(JSON.stringify(spec)) as typeof spec);
    expect(propose(docs, 3, flat, rebuilt)).toEqual(propose(docs, 3, flat, algo));
  });

  it('validates both knobs with errors naming them', () => {
    for (const avgBestIdx of [0, 0.5, -1, NaN, Infinity])
      expect(() => anneal.suggest.with({ avgBestIdx })).toThrow(
        /anneal: option avgBestIdx must be a finite number ≥ 1/,
      );
    for (const shrinkCoef of [-0.1, NaN, Infinity])
      expect(() => anneal.suggest.with({ shrinkCoef })).toThrow(
        /anneal: option shrinkCoef must be a finite number ≥ 0/,
      );
    expect(() => anneal.suggest.with({ shrinkCoef: '0.1' as never })).toThrow(/shrinkCoef .*got 0\.1/);
    expect(() => anneal.suggest.with({ shrink: 1 } as never)).toThrow(
      /Unknown option "shrink" for algorithm "anneal"/,
    );
    expect(() => algoFromSpec({ name: 'anneal', options: { avgBestIdx: 0 } })).toThrow(RangeError);
    const chained = anneal.suggest.with({ avgBestIdx: 1 }).with({ shrinkCoef: 0 });
    expect(chained.options).toEqual({ avgBestIdx: 1, shrinkCoef: 0 });
  });

  it('proposes one trial for newIds[0] and nothing without ids', () => {
    const docs = randomHistory(flat, 5, (v) => v.x! ** 2);
    const out = anneal.suggest([5, 6, 7], { space: flat }, { trials: docs }, 1);
    expect(out).toHaveLength(1);
    expect(out[0]!.tid).toBe(5);
    expect(anneal.suggest([], { space: flat }, { trials: docs }, 1)).toEqual([]);
  });

  it('is deterministic under a seed, and seeds its generator with seed + newId as SuggestAlgo does', () => {
    const docs = randomHistory(flat, 30, (v) => v.x! ** 2);
    expect(propose(docs, 11)).toEqual(propose(docs, 11));
    expect(propose(docs, 11)).not.toEqual(propose(docs, 12));
    // algobase.py SuggestAlgo.__call__: np.random.default_rng(self._seed + new_id).
    const a = anneal.suggest([40], { space: flat }, { trials: docs }, 7)[0]!.vals;
    const b = anneal.suggest([37], { space: flat }, { trials: docs }, 10)[0]!.vals;
    expect(a).toEqual(b);
  });

  it('samples from the prior without history (same draws as the prior in depth-first order)', () => {
    for (const space of [flat, conditional]) {
      for (let seed = 0; seed < 20; seed++) {
        const got = anneal.suggest([4], { space }, { trials: [] }, seed)[0]!.vals;
        expect(got).toEqual(sampleVals(space, createRng(seed + 4)));
      }
    }
  });
});

describe('anneal internals', () => {
  it('shrinking(T) = 1 / (1 + T·shrinkCoef), with T counting pending and failed trials', () => {
    expect(shrinking(0, 0.1)).toBe(1);
    expect(shrinking(10, 0.1)).toBe(0.5);
    expect(shrinking(30, 0)).toBe(1);
    const space = compileSpace({ x: hp.uniform('x', 0, 1) });
    const docs = docsOf(space, [
      { vals: { x: 0.1 }, status: 'ok', loss: 1 },
      { vals: { x: 0.2 }, status: 'fail' },
      { vals: { x: 0.3 }, status: 'running' },
    ]);
    const history = readAnnealHistory(docs);
    expect(Array.from(history.losses)).toEqual([1, Infinity, Infinity]);
    expect(observationsOf(history, 'x').count).toBe(3);
  });

  it('keeps the later document of a repeated tid (anneal.py doc_by_tid) and sorts by tid', () => {
    const space = compileSpace({ x: hp.uniform('x', 0, 1) });
    const [d0, d1, d2] = docsOf(space, [
      { vals: { x: 0.1 }, status: 'ok', loss: 3 },
      { vals: { x: 0.2 }, status: 'ok', loss: 2 },
      { vals: { x: 0.3 }, status: 'ok', loss: 1 },
    ]);
    const again = { ...d0!, result: { status: 'ok' as const, loss: 9 } };
    const history = readAnnealHistory([d2!, d0!, d1!, again]);
    expect(history.docs.map((d) => d.tid)).toEqual([0, 1, 2]);
    expect(Array.from(history.losses)).toEqual([9, 2, 1]);
  });

  it('geometric(p) has mean 1/p and support {1, 2, …}; p = 1 always gives 1', () => {
    const rng = createRng(3);
    const draws = Array.from({ length: 40000 }, () => geometric(0.5, rng));
    expect(Math.min(...draws)).toBe(1);
    expect(draws.every(Number.isInteger)).toBe(true);
    expect(meanStd(draws).mean).toBeCloseTo(2, 1);
    expect(draws.filter((k) => k === 1).length / draws.length).toBeCloseTo(0.5, 1);
    expect(Array.from({ length: 100 }, () => geometric(1, rng)).every((k) => k === 1)).toBe(true);
  });

  it('indexOfRank is np.argsort(losses)[rank] with NaN last and ties in order (both code paths)', () => {
    const loss = fc.oneof(fc.constantFrom(NaN, Infinity, 0, 1), fc.integer({ min: -5, max: 5 }));
    fc.assert(
      fc.property(fc.array(loss, { minLength: 1, maxLength: 80 }), fc.nat(), (xs, r) => {
        const losses = Float64Array.from(xs);
        const order = xs
          .map((_, i) => i)
          .sort((i, j) => {
            const a = xs[i]!;
            const b = xs[j]!;
            if (Number.isNaN(a) !== Number.isNaN(b)) return Number.isNaN(a) ? 1 : -1;
            return a < b ? -1 : a > b ? 1 : i - j;
          });
        const rank = r % xs.length;
        expect(indexOfRank(losses, rank)).toBe(order[rank]);
      }),
    );
  });

  it('reuses an already chosen trial when the label is active there (choose_ltv best_tids)', () => {
    const space = compileSpace({ x: hp.uniform('x', 0, 1), y: hp.uniform('y', 0, 1) });
    const docs = docsOf(space, [
      { vals: { x: 0.1, y: 0.9 }, status: 'ok', loss: 5 },
      { vals: { x: 0.2, y: 0.8 }, status: 'ok', loss: 1 },
    ]);
    const history = readAnnealHistory(docs);
    const chosen = [0];
    const rng = createRng(1);
    expect(chooseValue(observationsOf(history, 'y'), history.losses, chosen, 2, rng)).toBe(0.9);
    expect(chosen).toEqual([0]);
    const fresh: number[] = [];
    expect(chooseValue(observationsOf(history, 'y'), history.losses, fresh, 1, rng)).toBe(0.8);
    expect(fresh).toEqual([1]);
  });
});
