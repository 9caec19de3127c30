import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rand } from '../algorithms/rand';
import { hp, spaceEval } from '../space';
import type { SpaceNode } from '../space/types';
import { Trials } from '../trials/trials';
import { fmin } from './fmin';

/** One hyperparameter (possibly a choice with a nested one) labelled from `id`. */
const param = (id: number): fc.Arbitrary<SpaceNode> =>
  fc.oneof(
    fc
      .tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 10 }))
      .map(([low, w]) => hp.uniform(`u${id}`, low, low + w)),
    fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 10 }))
      .map(([low, w]) => hp.quniform(`q${id}`, low, low + w, 0.5)),
    fc.constant(hp.loguniform(`l${id}`, -2, 2)),
    fc
      .integer({ min: 2, max: 4 })
      .map((n) =>
        hp.choice(`c${id}`, [
          ...Array.from({ length: n - 1 }, (_, i) => i * 10),
          { inner: hp.uniform(`n${id}`, 0, 1) },
        ]),
      ),
  );

const spaceArb = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => param(i))));

/** A deterministic, bumpy loss of every number in the configuration. */
function lossOf(config: unknown): number {
  const numbers = JSON.stringify(config).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
  return numbers.reduce((sum, s, i) => sum + Math.sin(Number(s) * (i + 1.7)), 0);
}

describe('fmin with rand (property)', () => {
  it('returns an argmin whose loss is the minimum of the ok losses, and whose spaceEval is the config the objective saw', async () => {
    await fc.assert(
      fc.asyncProperty(
        spaceArb,
        fc.integer({ min: 0, max: 2 ** 31 - 2 }),
        fc.integer({ min: 1, max: 25 }),
        async (space, seed, maxEvals) => {
          const configs: unknown[] = [];
          const trials = new Trials();
          const fn = (config: unknown) => {
            configs.push(config);
            const loss = lossOf(config);
            return configs.length % 4 === 0 ? { status: 'fail', loss: loss - 100 } : loss;
          };
          // trial 0 always succeeds (every 4th fails), so there is always a best trial
          const argmin = await fmin({ fn, space, algo: rand.suggest, maxEvals, trials, seed });
          const okLosses = trials.trials.filter((d) => d.result.status === 'ok').map((d) => d.result.loss!);
          expect(trials.bestLoss).toBe(Math.min(...okLosses));
          expect(argmin).toEqual(trials.argmin);
          const best = trials.bestTrial;
          expect(best.result.status).toBe('ok');
          expect(spaceEval(space, argmin)).toEqual(configs[best.tid]);
          for (const [label, list] of Object.entries(best.misc.vals)) {
            expect(label in argmin).toBe(list.length > 0);
          }
        },
      ),
      { numRuns: 60, seed: 20240601 },
    );
  });
});
