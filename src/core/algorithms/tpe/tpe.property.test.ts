import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import { isActive } from '../../space/active';
import { hp } from '../../space/hp';
import { sampleVals } from '../../space/sample';
import { compileSpace } from '../../space/validate';
import type { SpaceNode } from '../../space/types';
import { tpe } from './index';
import { docsFromHistory, inSupport, numericParam, relabel } from '../testSupport';
import type { HistoryRecord } from '../testSupport';

// Random spaces (every kind, choices with branches) and random histories (ok, failed, running and
// NaN losses); every TPE proposal must lie in the support of each active label, and name exactly
// the labels its choices activate.

const L = '?';
const numeric = numericParam(L, { q: [0.1, 0.25, 0.37, 1, 2, 5], maxOptions: 6 });
const branch: fc.Arbitrary<SpaceNode> = fc
  .array(numeric, { maxLength: 2 })
  .map((ps) => Object.fromEntries(ps.map((p, i) => [`k${i}`, p])));
const conditional: fc.Arbitrary<SpaceNode> = fc
  .array(branch, { minLength: 1, maxLength: 3 })
  .map((bs) => hp.choice(L, bs));
const spaceNode: fc.Arbitrary<SpaceNode> = fc
  .array(fc.oneof({ weight: 3, arbitrary: numeric }, { weight: 1, arbitrary: conditional }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => relabel(parts));

describe('tpe.suggest proposals (property)', () => {
  it('lie in the support of every active label and name exactly the active labels', () => {
    fc.assert(
      fc.property(
        spaceNode,
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 60 }),
        (node, seed, extra) => {
          const space = compileSpace(node);
          const rng = createRng(seed);
          const n = 20 + extra;
          const records: HistoryRecord[] = [];
          for (let tid = 0; tid < n; tid++) {
            const u = rng.random();
            const status = u < 0.1 ? 'fail' : u < 0.15 ? 'running' : 'ok';
            const loss = status !== 'ok' ? null : u < 0.18 ? NaN : rng.normal(0, 1);
            records.push({ tid, vals: sampleVals(space, rng), status, loss });
          }
          const docs = docsFromHistory(space, records);
          const algo = seed % 2 === 0 ? tpe.suggest : tpe.suggest.with({ gamma: 1, nEICandidates: 5 });
          for (let s = 0; s < 3; s++) {
            const [proposal] = algo([n, n + 1], { space }, { trials: docs }, seed + s);
            const vals = proposal!.vals;
            const active = space.params.filter((p) => isActive(p, vals)).map((p) => p.label);
            expect(Object.keys(vals).sort()).toEqual(active.sort());
            for (const label of active) {
              const expr = space.byLabel.get(label)!.expr;
              expect(inSupport(expr, vals[label]!), `${JSON.stringify(expr)} -> ${vals[label]}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
