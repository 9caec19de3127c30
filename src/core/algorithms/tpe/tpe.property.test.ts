import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createRng } from '../../random/index';
import { hp } from '../../space/hp';
import { compileSpace } from '../../space/validate';
import type { SpaceNode } from '../../space/types';
import { tpe } from './index';
import {
  docsFromHistory,
  expectProposalsInSupport,
  numericParam,
  randomRecords,
  relabel,
} from '../testSupport';

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
          const docs = docsFromHistory(space, randomRecords(space, rng, n));
          const algo = seed % 2 === 0 ? tpe.suggest : tpe.suggest.with({ gamma: 1, nEICandidates: 5 });
          expectProposalsInSupport(algo, space, docs, n, seed);
        },
      ),
      { numRuns: 150 },
    );
  });
});
