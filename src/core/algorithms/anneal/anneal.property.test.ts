import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import { isActive } from '../../space/active';
import { hp } from '../../space/hp';
import { sampleVals } from '../../space/sample';
import { compileSpace } from '../../space/validate';
import type { ParamExpr, SpaceNode } from '../../space/types';
import { anneal } from './index';
import { inSupport } from '../testSupport';
import { docsOf } from './testSupport';
import type { PastTrial } from './testSupport';

// Random spaces of every kind (with conditional branches), random histories (ok, failed, running,
// NaN losses) and random knobs: every proposal names exactly the labels its choices activate, each
// value lies in the support of its prior, and the same call gives the same proposal.

const real = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => x || 0);
const range = (min: number, max: number, minWidth: number) =>
  fc.tuple(real(min, max), real(minWidth, max - min)).map(([lo, w]): [number, number] => [lo, lo + w]);
const step = fc.constantFrom(0.1, 0.25, 0.5, 1, 3);

const leaf: fc.Arbitrary<ParamExpr> = fc.oneof(
  range(-50, 50, 0.01).map(([lo, hi]) => hp.uniform('_', lo, hi)),
  fc.tuple(range(-50, 50, 0.5), step).map(([[lo, hi], q]) => hp.quniform('_', lo, hi, q)),
  range(-8, 4, 0.1).map(([lo, hi]) => hp.loguniform('_', lo, hi)),
  fc.tuple(range(-3, 6, 0.5), step).map(([[lo, hi], q]) => hp.qloguniform('_', lo, hi, q)),
  fc.tuple(real(-20, 20), real(0.01, 10)).map(([mu, sigma]) => hp.normal('_', mu, sigma)),
  fc.tuple(real(-20, 20), real(0.1, 10), step).map(([mu, sigma, q]) => hp.qnormal('_', mu, sigma, q)),
  fc.tuple(real(-2, 2), real(0.05, 1.5)).map(([mu, sigma]) => hp.lognormal('_', mu, sigma)),
  fc.tuple(real(-1, 2), real(0.05, 1.5), step).map(([mu, sigma, q]) => hp.qlognormal('_', mu, sigma, q)),
  fc
    .tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 12 }))
    .map(([lo, w]) => hp.randint('_', lo, lo + w)),
  range(-10, 10, 1).map(([lo, hi]) => hp.uniformint('_', lo, hi)),
  fc.integer({ min: 1, max: 5 }).map((k) => hp.choice('_', [...Array(k).keys()])),
  fc
    .array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 })
    .filter((w) => w.some((v) => v > 0))
    .map((w) => {
      const total = w.reduce((a, b) => a + b, 0);
      return hp.pchoice(
        '_',
        w.map((v, i): [number, SpaceNode] => [v / total, i]),
      );
    }),
);
const branch = fc
  .array(leaf, { maxLength: 2 })
  .map((ps): SpaceNode => Object.fromEntries(ps.map((p, i) => [`v${i}`, p])));
const space = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: leaf },
      {
        weight: 1,
        arbitrary: fc.array(branch, { minLength: 1, maxLength: 3 }).map((bs) => hp.choice('_', bs)),
      },
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((parts) => withUniqueLabels(parts));

/** Renames every label to p0, p1, … in depth-first order. */
function withUniqueLabels(node: SpaceNode): SpaceNode {
  let next = 0;
  const visit = (n: SpaceNode): SpaceNode => {
    if (Array.isArray(n)) return n.map(visit);
    if (typeof n !== 'object' || n === null) return n;
    return Object.fromEntries(
      Object.entries(n).map(([k, v]) => [k, k === 'label' ? `p${next++}` : visit(v as SpaceNode)]),
    );
  };
  return visit(node);
}

describe('anneal.suggest proposals (property)', () => {
  it('lie in the support of every active label, name exactly the active labels, and are reproducible', () => {
    fc.assert(
      fc.property(
        space,
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 60 }),
        real(1, 10),
        fc.oneof(real(0, 5), fc.constant(1e9)),
        (node, seed, n, avgBestIdx, shrinkCoef) => {
          const compiled = compileSpace(node);
          const rng = createRng(seed);
          const past: PastTrial[] = [];
          for (let i = 0; i < n; i++) {
            const u = rng.random();
            const status = u < 0.1 ? 'fail' : u < 0.2 ? 'running' : 'ok';
            past.push({ vals: sampleVals(compiled, rng), status, loss: u < 0.25 ? NaN : rng.normal(0, 1) });
          }
          const docs = docsOf(compiled, past);
          const algo = anneal.suggest.with({ avgBestIdx, shrinkCoef });
          for (let s = 0; s < 3; s++) {
            const call = () => algo([n], { space: compiled }, { trials: docs }, seed + s)[0]!.vals;
            const vals = call();
            expect(call()).toEqual(vals);
            const active = compiled.params.filter((p) => isActive(p, vals)).map((p) => p.label);
            expect(Object.keys(vals).sort()).toEqual(active.sort());
            for (const label of active) {
              const expr = compiled.byLabel.get(label)!.expr;
              expect(
                inSupport(expr, vals[label]!, { closedUniform: true }),
                `${JSON.stringify(expr)} → ${vals[label]}`,
              ).toBe(true);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
