import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createRng } from '../../random/index';
import { hp } from '../../space/hp';
import { compileSpace } from '../../space/validate';
import type { SpaceNode } from '../../space/types';
import { tpe } from './index';
import type { TpeOptions } from './types';
import {
  docsFromHistory,
  expectProposalsInSupport,
  numericParam,
  randomRecords,
  relabel,
} from '../testSupport';

// Random spaces (every kind, choices with nested branches) and random histories (ok, failed,
// running, NaN and tied losses): every proposal of the improved variant, under every combination of
// its main knobs, lies in the support of each active label and names exactly the active labels.

const L = '?';
const numeric = numericParam(L, { q: [0.1, 0.25, 1, 2, 5], maxOptions: 5 });
const branch = (inner: fc.Arbitrary<SpaceNode>): fc.Arbitrary<SpaceNode> =>
  fc.array(inner, { maxLength: 3 }).map((ps) => Object.fromEntries(ps.map((p, i) => [`k${i}`, p])));
const nested: fc.Arbitrary<SpaceNode> = fc
  .array(branch(numeric), { minLength: 1, maxLength: 3 })
  .map((bs) => hp.choice(L, bs));
const conditional: fc.Arbitrary<SpaceNode> = fc
  .array(branch(fc.oneof({ weight: 3, arbitrary: numeric }, { weight: 1, arbitrary: nested })), {
    minLength: 1,
    maxLength: 3,
  })
  .map((bs) => hp.choice(L, bs));
const spaceNode: fc.Arbitrary<SpaceNode> = fc
  .array(fc.oneof({ weight: 3, arbitrary: numeric }, { weight: 2, arbitrary: conditional }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => relabel(parts));

const knobs: fc.Arbitrary<Partial<TpeOptions>> = fc.record({
  multivariate: fc.boolean(),
  treeScoring: fc.boolean(),
  groupSplit: fc.constantFrom('global' as const, 'local' as const),
  belowWeights: fc.constantFrom('uniform' as const, 'ei' as const),
  bandwidth: fc.constantFrom('hyperopt' as const, 'optuna' as const, 'scott' as const),
  gammaSchedule: fc.constantFrom('sqrt' as const, 'linear' as const),
  gamma: fc.constantFrom(0.1, 0.2, 1),
  clipExponent: fc.constantFrom(1, 2),
  liar: fc.constantFrom('none' as const, 'worst' as const, 'best' as const),
  nEICandidates: fc.constantFrom(1, 5, 24),
});

describe('improved TPE proposals (property)', () => {
  it('lie in the support of every active label and name exactly the active labels', () => {
    fc.assert(
      fc.property(
        spaceNode,
        knobs,
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 90 }),
        (node, knob, seed, n) => {
          const space = compileSpace(node);
          const rng = createRng(seed);
          const loss = () => Math.round(rng.normal(0, 1) * 8) / 8; // ties too
          const docs = docsFromHistory(space, randomRecords(space, rng, n, loss));
          const algo = tpe.improved.with({ ...knob, nStartupJobs: seed % 3 });
          expectProposalsInSupport(algo, space, docs, n, seed);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
