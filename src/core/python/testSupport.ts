/**
 * Test support (not exported from the package index): a space with every kind of expression, and
 * random spaces for property tests of the generators and the parser.
 */
import fc from 'fast-check';
import { hp, scope, type SpaceNode } from '../space';
import { nestedSpace, orderedPair } from '../space/testSupport';

/** Every hp expression, scope.int, nested choices and every literal kind, in one valid space. */
export const EVERY_KIND: SpaceNode = {
  choice: hp.choice('model', [
    {
      type: 'svm',
      C: hp.lognormal('C', 0, 1),
      kernel: hp.pchoice('kernel', [
        [0.3, 'rbf'],
        [0.7, 'linear'],
      ]),
    },
    {
      type: 'tree',
      depth: scope.int(hp.quniform('depth', 2, 12, 1)),
      split: hp.choice('split', [{ criterion: 'gini' }, { criterion: 'entropy', w: hp.uniform('w', 0, 1) }]),
    },
    null,
  ]),
  lr: hp.loguniform('lr', Math.log(1e-5), Math.log(0.1)),
  qlr: hp.qloguniform('qlr', Math.log(1), Math.log(1000), 5),
  raw: hp.loguniform('raw', -3.25, 2.5),
  u: hp.uniform('u', -1.5e-3, 2e21),
  q: hp.quniform('q', -10, 10, 0.5),
  n: hp.normal('n', -0, 2.5),
  qn: hp.qnormal('qn', 10, 3, 2),
  ln: hp.lognormal('ln', -1, 0.5),
  qln: hp.qlognormal('qln', 2, 0.75, 0.25),
  r: hp.randint('r', 10),
  r2: hp.randint('r2', -5, 5),
  ui: hp.uniformint('ui', 1, 100),
  cast: scope.int(hp.normal('cast', 5, 1)),
  literals: [1, -2.5, 1e-300, 'it\'s "quoted"\n\t\\', 'ünïcødé ✓ 😀', true, false, null, [], {}],
  'key with spaces': { ä: 1, '1': 'one', '': 'empty key' },
};

// Labels are filled in afterwards (relabel) so that every generated space has unique labels.
const L = '?';
const double = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const bounds = (min: number, max: number) => orderedPair(double(min, max));
const positive = (max: number) => double(1e-6, max);

const expr: fc.Arbitrary<SpaceNode> = fc.oneof(
  bounds(-1e300, 1e300).map(([lo, hi]) => hp.uniform(L, lo, hi)),
  fc.tuple(bounds(-1e6, 1e6), positive(1e3)).map(([[lo, hi], q]) => hp.quniform(L, lo, hi, q)),
  bounds(-700, 700).map(([lo, hi]) => hp.loguniform(L, lo, hi)),
  fc.integer({ min: -12, max: 12 }).map((e) => hp.loguniform(L, Math.log(10 ** e), Math.log(10 ** (e + 1)))),
  fc.tuple(bounds(-50, 50), positive(100)).map(([[lo, hi], q]) => hp.qloguniform(L, lo, hi, q)),
  fc.tuple(double(-1e6, 1e6), positive(1e6)).map(([mu, s]) => hp.normal(L, mu, s)),
  fc.tuple(double(-1e6, 1e6), positive(1e6), positive(10)).map(([mu, s, q]) => hp.qnormal(L, mu, s, q)),
  fc.tuple(double(-50, 50), positive(10)).map(([mu, s]) => hp.lognormal(L, mu, s)),
  fc.tuple(double(-50, 50), positive(10), positive(10)).map(([mu, s, q]) => hp.qlognormal(L, mu, s, q)),
  fc.integer({ min: 1, max: 1e9 }).map((high) => hp.randint(L, high)),
  fc
    .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }))
    .map(([lo, w]) => hp.randint(L, lo, lo + w)),
  bounds(-1e6, 1e6).map(([lo, hi]) => hp.uniformint(L, lo, hi)),
);

const literal: fc.Arbitrary<SpaceNode> = fc.oneof(
  fc.integer(),
  double(-Number.MAX_VALUE, Number.MAX_VALUE),
  fc.string({ unit: 'binary' }),
  fc.boolean(),
  fc.constant(null),
);

const node = nestedSpace({
  literal,
  expr,
  key: fc.string({ unit: 'binary', maxLength: 5 }),
  placeholder: L,
});

/** A deep copy of `space` with labels drawn from `labels` (made unique by a suffix), in order. */
function relabel(space: SpaceNode, labels: string[]): SpaceNode {
  let next = 0;
  const walk = (n: SpaceNode): SpaceNode => {
    if (n === null || typeof n !== 'object') return n;
    if (Array.isArray(n)) return n.map(walk);
    const out: Record<string, SpaceNode> = {};
    for (const [k, v] of Object.entries(n)) {
      if (k === 'label') {
        const base = labels[next % Math.max(1, labels.length)] ?? '';
        out[k] = `${base}${next++}`;
      } else if (k === 'options' && Array.isArray(v)) {
        out[k] = v.map((o) =>
          o !== null && typeof o === 'object' && !Array.isArray(o) && 'p' in o && 'value' in o
            ? { p: o['p'] as number, value: walk(o['value'] as SpaceNode) }
            : walk(o),
        );
      } else out[k] = walk(v);
    }
    return out;
  };
  return walk(space);
}

/** Random valid spaces: every kind of expression and literal, nested, labels with any characters. */
export const spaceArbitrary: fc.Arbitrary<SpaceNode> = fc
  .tuple(node, fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 4 }))
  .map(([space, labels]) => relabel(space, labels));
