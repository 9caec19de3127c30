/**
 * Test support (not exported from the package index): the shape of a random search space, shared by
 * the property tests of sampling (space/properties.test.ts) and of the Python round trip
 * (python/testSupport.ts). Each caller brings its own expressions and literals, because sampling
 * wants ranges it can draw from while the parser wants the extremes.
 */
import fc from 'fast-check';
import { hp, scope } from './hp';
import type { SpaceNode } from './types';

/** Two different values of `value`, in increasing order: the bounds of a uniform kind. */
export const orderedPair = (value: fc.Arbitrary<number>): fc.Arbitrary<[number, number]> =>
  fc
    .tuple(value, value)
    .filter(([a, b]) => a !== b)
    .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]));

/**
 * Random spaces nested from `literal`s and `expr`s (each label `placeholder`, to be relabelled by the
 * caller): scope.int, lists, dictionaries with `key`s, choice and pchoice (the first option takes
 * what the others leave of the probability), recursively and shrinking across the kinds.
 */
export function nestedSpace({
  literal,
  expr,
  key,
  placeholder,
}: {
  literal: fc.Arbitrary<SpaceNode>;
  expr: fc.Arbitrary<SpaceNode>;
  key: fc.Arbitrary<string>;
  placeholder: string;
}): fc.Arbitrary<SpaceNode> {
  const { node } = fc.letrec<{ node: SpaceNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal,
      expr,
      expr.map((e) => scope.int(e)),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(
        key.filter((k) => k !== '$hp' && k !== '__proto__'),
        tie('node'),
        { maxKeys: 3 },
      ),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((options) => hp.choice(placeholder, options)),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((options) =>
        hp.pchoice(
          placeholder,
          options.map((o, i) => [i === 0 ? 1 - (options.length - 1) / 8 : 1 / 8, o]),
        ),
      ),
    ),
  }));
  return node;
}
