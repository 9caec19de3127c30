import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import { hp } from '../../space/hp';
import { valsToMisc } from '../../space/misc';
import { sampleVals } from '../../space/sample';
import { compileSpace } from '../../space/validate';
import type { CompiledSpace, Vals } from '../../space/types';
import type { TrialDoc } from '../../trials/types';
import { rand } from '../rand';
import { algoFromSpec, algoToSpec, getRegisteredAlgo } from '../registry';
import { explainTpe, tpe, TPE_DEFAULTS, TPE_VARIANT_DEFAULTS } from './index';
import { docsFromHistory } from '../testSupport';
import type { HistoryRecord } from '../testSupport';

const flat = compileSpace({
  x: hp.uniform('x', -5, 10),
  c: hp.choice('c', ['a', 'b', 'c']),
  n: hp.randint('n', 3, 9),
});
const conditional = compileSpace(
  hp.choice('kind', [
    { kind: 'a', x: hp.uniform('x', -5, 5) },
    { kind: 'b', y: hp.loguniform('y', Math.log(1e-3), Math.log(1e3)), n: hp.quniform('n', 1, 20, 1) },
  ]),
);

/** A random-search history scored by `loss` (which may return null for a failed trial). */
function history(
  space: CompiledSpace,
  n: number,
  loss: (v: Vals, tid: number) => number | null,
  seed = 1,
): TrialDoc[] {
  const rng = createRng(seed);
  const records: HistoryRecord[] = [];
  for (let tid = 0; tid < n; tid++) {
    const vals = sampleVals(space, rng);
    const l = loss(vals, tid);
    records.push({ tid, vals, status: l === null ? 'fail' : 'ok', loss: l });
  }
  return docsFromHistory(space, records);
}

const flatLoss = (v: Vals) => (v.x! - 2) ** 2 + (v.c === 1 ? 0 : 3) + Math.abs(v.n! - 5);
const suggestOne = (docs: readonly TrialDoc[], seed: number, space = flat, algo = tpe.suggest) =>
  algo([docs.length], { space }, { trials: docs }, seed)[0]!.vals;

describe('tpe.suggest', () => {
  it('is registered as "tpe" with Hyperopt defaults and rebuilds from a spec', () => {
    expect(tpe.suggest.algoName).toBe('tpe');
    expect(tpe.suggest.options).toEqual({
      gamma: 0.25,
      nStartupJobs: 20,
      nEICandidates: 24,
      priorWeight: 1,
      linearForgetting: 25,
      liar: 'none',
      ...TPE_VARIANT_DEFAULTS, // the improved variant's knobs, at Hyperopt's behaviour
    });
    expect(getRegisteredAlgo('tpe')).toBe(tpe.suggest);
    const algo = algoFromSpec({ name: 'tpe', options: { gamma: 0.5 } });
    expect(algo.options).toEqual({ ...TPE_DEFAULTS, gamma: 0.5 });
    expect(algoToSpec(algo)).toEqual({ name: 'tpe', options: { ...TPE_DEFAULTS, gamma: 0.5 } });
  });

  it('validates every knob with a clear error', () => {
    for (const gamma of [0, -1, 1.5, NaN])
      expect(() => tpe.suggest.with({ gamma })).toThrow(/gamma must be a number in \(0, 1\]/);
    for (const nStartupJobs of [-1, 1.5])
      expect(() => tpe.suggest.with({ nStartupJobs })).toThrow(/nStartupJobs/);
    for (const nEICandidates of [0, 2.5])
      expect(() => tpe.suggest.with({ nEICandidates })).toThrow(/nEICandidates must be an integer ≥ 1/);
    for (const priorWeight of [0, -1, Infinity])
      expect(() => tpe.suggest.with({ priorWeight })).toThrow(/priorWeight/);
    for (const linearForgetting of [-1, 0.5])
      expect(() => tpe.suggest.with({ linearForgetting })).toThrow(/linearForgetting/);
    expect(() => tpe.suggest.with({ gama: 0.5 } as never)).toThrow(/Unknown option "gama"/);
    expect(() => algoFromSpec({ name: 'tpe', options: { gamma: 2 } })).toThrow(RangeError);
    expect(tpe.suggest.with({ gamma: 1 }).with({ nStartupJobs: 0 }).options.gamma).toBe(1);
  });

  it('before nStartupJobs documents it is rand.suggest with the same seed (pending and failed count)', () => {
    const docs = history(flat, 19, flatLoss);
    expect(tpe.suggest([19, 20], { space: flat }, { trials: docs }, 42)).toEqual(
      rand.suggest([19, 20], { space: flat }, { trials: docs }, 42),
    );
    const withPending = [
      ...docs,
      ...docsFromHistory(flat, [
        { tid: 19, vals: sampleVals(flat, createRng(0)), status: 'running', loss: null },
      ]),
    ];
    const tpeProposal = tpe.suggest([20, 21], { space: flat }, { trials: withPending }, 42);
    expect(tpeProposal).toHaveLength(1); // 20 documents: TPE, one trial per call
    expect(tpeProposal[0]!.tid).toBe(20);
    const early = tpe.suggest.with({ nStartupJobs: 5 });
    expect(early([5], { space: flat }, { trials: docs.slice(0, 5) }, 7)).not.toEqual(
      rand.suggest([5], { space: flat }, { trials: docs.slice(0, 5) }, 7),
    );
    expect(tpe.suggest([], { space: flat }, { trials: docs.concat(withPending.slice(19)) }, 1)).toEqual([]);
  });

  it('is deterministic under a seed and varies across seeds', () => {
    const docs = history(flat, 40, flatLoss);
    expect(suggestOne(docs, 123)).toEqual(suggestOne(docs, 123));
    const xs = new Set(Array.from({ length: 30 }, (_, s) => suggestOne(docs, s).x));
    expect(xs.size).toBe(30);
  });

  it('favours what the good trials did (sanity: the best option of a choice)', () => {
    const docs = history(flat, 60, (v) => (v.c === 1 ? 0 : 1) + v.x! / 100);
    const proposals = Array.from({ length: 200 }, (_, s) => suggestOne(docs, s));
    expect(proposals.filter((v) => v.c === 1).length).toBeGreaterThan(120); // random search: ≈ 67
  });

  it('treats failed and pending trials as +∞ (never below, counted in N)', () => {
    // the lowest tids would be the best trials, but they failed or are still running
    const docs = history(flat, 40, (v, tid) => (tid < 3 ? null : flatLoss(v)));
    docs[3]!.result = { status: 'running' };
    docs[3]!.state = 1;
    const e = explainTpe(flat, docs, 'x', 0);
    expect(e.split!.nTrials).toBe(40);
    expect(e.split!.nBelow).toBe(2);
    for (const tid of [0, 1, 2, 3]) expect(e.split!.aboveTids).toContain(tid);
  });
});

describe('knobs change the behaviour', () => {
  const docs = history(flat, 100, flatLoss);

  it('gamma sets n_below', () => {
    expect(explainTpe(flat, docs, 'x', 0).split!.nBelow).toBe(3);
    expect(explainTpe(flat, docs, 'x', 0, { gamma: 1 }).split!.nBelow).toBe(10);
    expect(explainTpe(flat, docs, 'x', 0, { gamma: 1 }).split!.belowTids).toHaveLength(10);
  });

  it('nEICandidates sets the number of candidates; with 1 the proposal is a plain draw from l', () => {
    expect(explainTpe(flat, docs, 'x', 0).model!.candidates).toHaveLength(24);
    const one = explainTpe(flat, docs, 'x', 0, { nEICandidates: 1 });
    expect(one.model!.candidates).toHaveLength(1);
    expect(one.proposal.x).toBe(one.model!.candidates[0]);
  });

  it('priorWeight sets the pseudo-counts of categorical posteriors and the prior component weight', () => {
    const a = explainTpe(flat, docs, 'c', 0).model!;
    const b = explainTpe(flat, docs, 'c', 0, { priorWeight: 5 }).model!;
    expect(a.type).toBe('categorical');
    if (a.type !== 'categorical' || b.type !== 'categorical') return;
    expect(a.below).not.toEqual(b.below);
    const x1 = explainTpe(flat, docs, 'x', 0).model!;
    const x5 = explainTpe(flat, docs, 'x', 0, { priorWeight: 5 }).model!;
    if (x1.type !== 'numeric' || x5.type !== 'numeric') throw new Error('x is numeric');
    expect(x5.below.weights[x5.below.priorIndex]! / x1.below.weights[x1.below.priorIndex]!).toBeGreaterThan(
      1.5,
    );
  });

  it('linearForgetting reweights the oldest above observations', () => {
    const on = explainTpe(flat, docs, 'x', 0).model!;
    const off = explainTpe(flat, docs, 'x', 0, { linearForgetting: 0 }).model!;
    if (on.type !== 'numeric' || off.type !== 'numeric') throw new Error('x is numeric');
    const distinct = (w: number[]) => new Set(w.map((v) => v.toPrecision(12))).size;
    expect(distinct(off.above.weights)).toBe(1); // prior weight 1 and observations 1, normalised
    expect(distinct(on.above.weights)).toBeGreaterThan(50); // 97 above: a 72-step ramp
  });
});

describe('conditional spaces', () => {
  const loss = (v: Vals) =>
    v.kind === 0 ? (v.x! - 1) ** 2 + 1 : (Math.log10(v.y!) - 1) ** 2 + ((v.n! - 7) / 10) ** 2;
  const docs = history(conditional, 60, loss);

  it('proposes exactly the labels of the chosen branch', () => {
    const seen = new Set<number>();
    // With one candidate the choice is a plain draw from l, so both branches show up.
    for (const algo of [tpe.suggest, tpe.suggest.with({ nEICandidates: 1 })]) {
      for (let seed = 0; seed < 100; seed++) {
        const vals = suggestOne(docs, seed, conditional, algo);
        seen.add(vals.kind!);
        expect(Object.keys(vals).sort()).toEqual(vals.kind === 0 ? ['kind', 'x'] : ['kind', 'n', 'y']);
        expect(() => valsToMisc(conditional, 60, vals)).not.toThrow();
      }
    }
    expect(seen.size).toBe(2);
  });

  it('children see only the trials where they were active', () => {
    const e = explainTpe(conditional, docs, 'y', 3);
    const active = docs.filter((d) => d.misc.vals.y!.length > 0).length;
    if (!e.labelActive) return; // the seed chose the other branch
    expect(e.model!.belowObservations.length + e.model!.aboveObservations.length).toBe(active);
  });

  it('explains an inactive label as inactive', () => {
    for (let seed = 0; seed < 20; seed++) {
      const e = explainTpe(conditional, docs, 'x', seed);
      expect(e.labelActive).toBe(e.proposal.kind === 0);
      expect(e.model === null).toBe(e.proposal.kind !== 0);
    }
  });
});

describe('explainTpe', () => {
  const docs = history(flat, 80, flatLoss);

  it('reports the very computation suggest makes: same proposal, winner = first argmax of the scores', () => {
    for (let seed = 0; seed < 25; seed++) {
      for (const label of ['x', 'c', 'n']) {
        const e = explainTpe(flat, { trials: docs }, label, seed);
        expect(e.phase).toBe('tpe');
        expect(e.proposal).toEqual(suggestOne(docs, seed));
        const m = e.model!;
        expect(m.winner).toBe(e.proposal[label]);
        m.scores.forEach((s, i) => expect(s).toBeCloseTo(m.logL[i]! - m.logG[i]!, 12));
        const best = Math.max(...m.scores);
        expect(m.winnerIndex).toBe(m.scores.indexOf(best));
      }
    }
  });

  it('describes l and g: mixtures with the prior flagged, or probability vectors', () => {
    const e = explainTpe(flat, docs, 'x', 1);
    const m = e.model!;
    if (m.type !== 'numeric') throw new Error('x is numeric');
    expect(m).toMatchObject({ family: 'GMM1', logSpace: false, low: -5, high: 10, q: null });
    expect(m.below.mus[m.below.priorIndex]).toBe(2.5);
    expect(m.below.sigmas[m.below.priorIndex]).toBe(15);
    expect(m.below.mus).toHaveLength(e.split!.nBelow + 1);
    expect(m.above.mus).toHaveLength(80 - e.split!.nBelow + 1);
    expect(e.split!.belowTids.length + e.split!.aboveTids.length).toBe(80);
    const n = explainTpe(flat, docs, 'n', 1).model!;
    if (n.type !== 'categorical') throw new Error('n is categorical');
    expect(n.offset).toBe(3);
    expect(n.below.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it('in the startup phase reports the random proposal', () => {
    const e = explainTpe(flat, docs.slice(0, 10), 'x', 5);
    expect(e).toMatchObject({ phase: 'startup', split: null, model: null, labelActive: true });
    expect(e.proposal).toEqual(rand.suggest([0], { space: flat }, { trials: [] }, 5)[0]!.vals);
  });

  it('rejects unknown labels and bad options', () => {
    expect(() => explainTpe(flat, docs, 'nope', 0)).toThrow(/not a label/);
    expect(() => explainTpe(flat, docs, 'x', 0, { gamma: 0 })).toThrow(/gamma/);
  });
});
