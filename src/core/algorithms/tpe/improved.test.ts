import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import { hp } from '../../space/hp';
import { sampleVals } from '../../space/sample';
import { compileSpace } from '../../space/validate';
import type { TrialDoc } from '../../trials/types';
import { JOB_STATE_RUNNING, STATUS_RUNNING } from '../../trials/types';
import { algoFromSpec, algoToSpec } from '../registry';
import type { SuggestFn } from '../types';
import { explainTpe, tpe, TPE_DEFAULTS, TPE_IMPROVED } from './index';
import { docsFromHistory } from '../testSupport';
import type { HistoryRecord } from '../testSupport';

// The improved variant as options of tpe.suggest: its knobs, the preset, determinism, pending
// trials, and explainTpe.

const space = compileSpace({
  x: hp.uniform('x', -5, 10),
  m: hp.choice('m', [
    { y: hp.loguniform('y', -7, 7), n: hp.quniform('n', 1, 20, 1) },
    { z: hp.normal('z', 0, 2) },
  ]),
});

function history(n: number, seed: number): TrialDoc[] {
  const rng = createRng(seed);
  const records: HistoryRecord[] = Array.from({ length: n }, (_, tid) => {
    const vals = sampleVals(space, rng);
    return { tid, vals, status: 'ok', loss: (vals['x']! - 1) ** 2 + (vals['m'] === 0 ? 0 : 3) };
  });
  return docsFromHistory(space, records);
}

const propose = (algo: SuggestFn, docs: readonly TrialDoc[], seed: number) =>
  algo([docs.length], { space }, { trials: docs }, seed)[0]!.vals;

describe('tpe.improved / TPE_IMPROVED', () => {
  it('is tpe.suggest with the preset, described and rebuilt as {name: "tpe", options}', () => {
    expect(tpe.improved.algoName).toBe('tpe');
    expect(tpe.improved.options).toEqual({ ...TPE_DEFAULTS, ...TPE_IMPROVED });
    const spec = algoToSpec(tpe.improved);
    expect(spec).toEqual({ name: 'tpe', options: { ...TPE_DEFAULTS, ...TPE_IMPROVED } });
    const rebuilt = algoFromSpec(JSON.parse(JSON.stringify(spec)) as typeof spec);
    const docs = history(40, 1);
    expect(propose(rebuilt, docs, 5)).toEqual(propose(tpe.improved, docs, 5));
  });

  it('is deterministic under a seed and varies with it', () => {
    const docs = history(50, 2);
    expect(propose(tpe.improved, docs, 11)).toEqual(propose(tpe.improved, docs, 11));
    const seen = new Set(
      Array.from({ length: 10 }, (_, s) => JSON.stringify(propose(tpe.improved, docs, s))),
    );
    expect(seen.size).toBeGreaterThan(5);
  });

  it('starts after nStartupJobs trials (random search before), like the faithful variant', () => {
    const docs = history(9, 3);
    const random = tpe.suggest.with({ nStartupJobs: 100 });
    expect(propose(tpe.improved, docs, 4)).toEqual(propose(random, docs, 4));
    expect(propose(tpe.improved, history(10, 3), 4)).not.toEqual(propose(random, history(10, 3), 4));
  });

  it('validates every new knob with a message naming it', () => {
    const improved = { variant: 'improved' as const };
    const bad: [string, unknown, RegExp][] = [
      ['variant', 'optuna', /variant must be one of 'hyperopt', 'improved'/],
      ['gammaSchedule', 'log', /gammaSchedule must be one of 'sqrt', 'linear'/],
      ['groupSplit', 'branch', /groupSplit must be one of 'global', 'local'/],
      ['belowWeights', 'rank', /belowWeights must be one of 'uniform', 'ei'/],
      ['bandwidth', 'silverman', /bandwidth must be one of 'hyperopt', 'optuna', 'scott'/],
      ['multivariate', 1, /multivariate must be true or false/],
      ['treeScoring', 'yes', /treeScoring must be true or false/],
      ['clipExponent', 0.2, /clipExponent must be a number in \[0.5, 4\]/],
      ['clipExponent', NaN, /clipExponent/],
    ];
    for (const [name, value, message] of bad) {
      expect(() => tpe.suggest.with({ ...improved, [name]: value })).toThrow(message);
    }
  });

  it("refuses improved-only knobs with variant 'hyperopt', whose behaviour stays Hyperopt's", () => {
    expect(() => tpe.suggest.with({ multivariate: true })).toThrow(
      /multivariate must be false unless variant is 'improved'/,
    );
    expect(() => tpe.suggest.with({ gammaSchedule: 'linear' })).toThrow(/gammaSchedule/);
    expect(() => tpe.improved.with({ variant: 'hyperopt' })).toThrow(/unless variant is 'improved'/);
    expect(() => tpe.suggest.with({ ...TPE_DEFAULTS })).not.toThrow();
  });

  it('reads pending trials through the liar, and a liar is inert with nothing pending', () => {
    const docs = history(40, 6);
    const liar = tpe.improved.with({ liar: 'worst' });
    expect(propose(liar, docs, 3)).toEqual(propose(tpe.improved, docs, 3));
    // Pending trials: 'none' puts them in g with loss +∞, 'best' in l, 'believer' by their neighbours.
    const pending = docs.map((d) => ({ ...d }));
    for (const i of [35, 36, 37, 38, 39]) {
      pending[i] = { ...pending[i]!, state: JOB_STATE_RUNNING, result: { status: STATUS_RUNNING } };
    }
    const byLiar = (['none', 'worst', 'best', 'believer'] as const).map((l) =>
      propose(tpe.improved.with({ liar: l }), pending, 3),
    );
    for (const vals of byLiar) expect(vals['x']).toBeGreaterThanOrEqual(-5);
    expect(new Set(byLiar.map((v) => JSON.stringify(v))).size).toBeGreaterThan(1);
  });

  it('each knob changes the proposals (it is wired through)', () => {
    const docs = history(60, 7);
    const base = Array.from({ length: 8 }, (_, s) => propose(tpe.improved, docs, s));
    const knobs = [
      { multivariate: false },
      { treeScoring: false },
      { groupSplit: 'global' as const },
      { belowWeights: 'uniform' as const },
      { bandwidth: 'optuna' as const },
      { bandwidth: 'scott' as const },
      { gammaSchedule: 'sqrt' as const },
      { clipExponent: 2 },
    ];
    for (const knob of knobs) {
      const other = Array.from({ length: 8 }, (_, s) => propose(tpe.improved.with(knob), docs, s));
      expect(other, JSON.stringify(knob)).not.toEqual(base);
    }
  });
});

describe('explainTpe with the improved variant', () => {
  it('shows the same proposal as tpe.suggest and the label’s group model, saying what it shows', () => {
    const docs = history(40, 8);
    for (const seed of [1, 2, 3]) {
      const vals = propose(tpe.improved, docs, seed);
      for (const label of ['x', 'y', 'z']) {
        const e = explainTpe(space, docs, label, seed, TPE_IMPROVED);
        expect(e.proposal).toEqual(vals);
        expect(e.labelActive).toBe(label in vals);
        if (!e.labelActive) continue;
        expect(e.model).toBeNull(); // Hyperopt's per-label mixtures do not exist in this variant
        const model = e.improved!;
        expect(model.note).toMatch(/variant 'improved'.*marginals/);
        expect(model.winner).toBe(vals[label]);
        expect(model.candidates[model.winnerIndex]).toBe(vals[label]);
        expect(model.scores.length).toBe(tpe.improved.options.nEICandidates);
        expect(Math.max(...model.scores)).toBe(model.scores[model.winnerIndex]);
        expect(model.belowObservations.length).toBe(model.nBelow);
        if (model.below.type === 'numeric') {
          const w = model.below.weights.reduce((a, b) => a + b, 0);
          expect(w).toBeCloseTo(1, 12);
          expect(model.below.priorIndex).toBe(model.below.mus.length - 1);
        }
      }
    }
    // Before nStartupJobs trials, the explanation is the startup phase for both variants.
    expect(explainTpe(space, history(5, 1), 'x', 1, TPE_IMPROVED).phase).toBe('startup');
  });
});
