import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import { hp } from '../../space/hp';
import { compileSpace } from '../../space/validate';
import type { NewTrial } from '../../trials/types';
import { makeSuggestAlgo } from '../makeSuggestAlgo';
import { algoFromSpec, algoToSpec, getRegisteredAlgo, registerAlgo } from '../registry';
import type { SuggestFn, TrialsView } from '../types';
import { mix, MIX_DEFAULTS } from './index';
import type { MixEntry } from './index';

const space = compileSpace({ x: hp.uniform('x', 0, 1) });
const domain = { space };
const empty: TrialsView = { trials: [] };

/** Test algorithms: each proposes x = its tag and records the seed it was called with. */
const seen: { tag: number; seed: number }[] = [];
const tagged = (name: string, tag: number) =>
  makeSuggestAlgo(name, { shift: 0 }, (ids, _d, _t, seed, options): NewTrial[] => {
    seen.push({ tag, seed });
    return ids.slice(0, 1).map((tid) => ({ tid, vals: { x: tag + options.shift } }));
  });
const [a, b, c] = [tagged('mix-test-a', 0), tagged('mix-test-b', 1), tagged('mix-test-c', 2)];
for (const algo of [a, b, c]) registerAlgo(algo);
const pick = (algo: SuggestFn, seed: number) => algo([0], domain, empty, seed)[0]!.vals.x!;

describe('mix.suggest', () => {
  it('is registered as "mix" with the mix.py docstring mixture as default', () => {
    expect(mix.suggest.algoName).toBe('mix');
    expect(getRegisteredAlgo('mix')).toBe(mix.suggest);
    expect(mix.suggest.options).toEqual({
      pSuggest: [
        [0.1, 'rand'],
        [0.2, 'anneal'],
        [0.7, 'tpe'],
      ],
    });
    expect(MIX_DEFAULTS.pSuggest).toBe(mix.suggest.options.pSuggest);
    // Without history: rand (2 proposals), anneal or tpe in its startup phase (rand) or one proposal.
    for (let seed = 0; seed < 20; seed++) {
      const out = mix.suggest([0, 1], domain, empty, seed);
      expect(out.length).toBeGreaterThanOrEqual(1);
      expect(out.every((t, i) => t.tid === i && t.vals.x! >= 0 && t.vals.x! < 1)).toBe(true);
    }
  });

  it('picks each algorithm with its probability (chi-square over 30 000 seeds)', () => {
    const p = [0.1, 0.2, 0.7];
    const algo = mix.suggest.with({
      pSuggest: [
        [0.1, 'mix-test-a'],
        [0.2, 'mix-test-b'],
        [0.7, 'mix-test-c'],
        [0, 'mix-test-a'],
      ],
    });
    const n = 30000;
    const counts = [0, 0, 0];
    for (let seed = 0; seed < n; seed++) counts[pick(algo, seed)]!++;
    const chi2 = counts.reduce((acc, k, i) => acc + (k - n * p[i]!) ** 2 / (n * p[i]!), 0);
    expect(chi2).toBeLessThan(13.82); // df = 2, p = 0.001
  });

  it('draws the index and then the sub-seed from default_rng(seed), as mix.py does', () => {
    const pSuggest: MixEntry[] = [
      [0.5, 'mix-test-a'],
      [0.25, 'mix-test-b'],
      [0.25, { name: 'mix-test-c', options: { shift: 10 } }],
    ];
    const algo = mix.suggest.with({ pSuggest });
    for (let seed = 0; seed < 50; seed++) {
      const rng = createRng(seed);
      const idx = rng.categorical([0.5, 0.25, 0.25]);
      const subSeed = rng.integers(0, 2 ** 31);
      seen.length = 0;
      const x = pick(algo, seed);
      expect(seen).toEqual([{ tag: idx, seed: subSeed }]);
      expect(x).toBe(idx === 2 ? 12 : idx);
      expect(pick(algo, seed)).toBe(x); // deterministic
    }
  });

  it('passes ids, domain and trials through to the chosen algorithm', () => {
    const calls: unknown[][] = [];
    const spy = makeSuggestAlgo('mix-test-spy', {}, (ids, d, t, _seed): NewTrial[] => {
      calls.push([ids, d, t]);
      return [];
    });
    registerAlgo(spy);
    const trials: TrialsView = { trials: [] };
    expect(mix.suggest.with({ pSuggest: [[1, 'mix-test-spy']] })([7, 8], domain, trials, 1)).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toEqual([7, 8]);
    expect(calls[0]![1]).toBe(domain);
    expect(calls[0]![2]).toBe(trials);
  });

  it('rejects bad mixtures with errors naming the problem', () => {
    const w = (pSuggest: unknown) => () => mix.suggest.with({ pSuggest: pSuggest as MixEntry[] });
    expect(
      w([
        [0.1, 'rand'],
        [0.2, 'anneal'],
        [0.6, 'tpe'],
      ]),
    ).toThrow(/mix: the probabilities of pSuggest must sum to 1 \(got 0\.1 \+ 0\.2 \+ 0\.6 = 0\.9/);
    expect(
      w([
        [0.5, 'rand'],
        [0.5, 'tpee'],
      ]),
    ).toThrow(/mix: pSuggest\[1\]: Unknown algorithm "tpee" \(registered: .*rand/);
    expect(
      w([
        [-0.2, 'rand'],
        [1.2, 'tpe'],
      ]),
    ).toThrow(/mix: pSuggest\[0\]: probability must be a finite number ≥ 0 \(got -0\.2\)/);
    expect(w([[NaN, 'rand']])).toThrow(/pSuggest\[0\]: probability must be a finite number/);
    expect(w([])).toThrow(/option pSuggest must be a non-empty array of \[probability, algorithm\] pairs/);
    expect(w([[1]])).toThrow(/pSuggest\[0\] must be a \[probability, algorithm\] pair/);
    expect(w([[1, 42]])).toThrow(
      /pSuggest\[0\]: the algorithm must be a registered name or \{name, options\}/,
    );
    expect(w([[1, { name: 'tpe', options: { gamma: 2 } }]])).toThrow(
      /pSuggest\[0\]: tpe: option gamma must be/,
    );
    expect(w([[1, { name: 'anneal', options: { shrink: 1 } }]])).toThrow(
      /pSuggest\[0\]: Unknown option "shrink" for algorithm "anneal"/,
    );
    expect(() => algoFromSpec({ name: 'mix', options: { pSuggest: [[0.5, 'rand']] } })).toThrow(/sum to 1/);
    expect(() => mix.suggest.with({ psuggest: [] } as never)).toThrow(/Unknown option "psuggest"/);
    // Probabilities that sum to 1 only up to rounding are accepted (np.isclose).
    expect(() => w([0, 1, 2].map((i) => [1 / 3, ['rand', 'anneal', 'tpe'][i]]))()).not.toThrow();
  });

  it('round-trips through algoToSpec / JSON / algoFromSpec and is not changed by later edits', () => {
    const pSuggest: MixEntry[] = [
      [0.3, 'mix-test-a'],
      [0.3, { name: 'mix-test-c', options: { shift: 5 } }],
      [0.4, { name: 'mix', options: { pSuggest: [[1, 'mix-test-b']] } }],
    ];
    const algo = mix.suggest.with({ pSuggest });
    pSuggest[0]![0] = 0.9; // the mix holds its own frozen copy
    (pSuggest[1]![1] as { name: string }).name = 'nope';
    const spec = algoToSpec(algo);
    expect(spec.options).toEqual({
      pSuggest: [
        [0.3, 'mix-test-a'],
        [0.3, { name: 'mix-test-c', options: { shift: 5 } }],
        [0.4, { name: 'mix', options: { pSuggest: [[1, 'mix-test-b']] } }],
      ],
    });
    const rebuilt = algoFromSpec(JSON.parse(JSON.stringify(spec)) as typeof spec);
    const xs = Array.from({ length: 200 }, (_, seed) => pick(algo, seed));
    expect(Array.from({ length: 200 }, (_, seed) => pick(rebuilt, seed))).toEqual(xs);
    expect(new Set(xs)).toEqual(new Set([0, 7, 1])); // a, c shifted by 5, and b through the nested mix
  });
});
