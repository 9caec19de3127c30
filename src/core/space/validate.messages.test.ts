import { describe, expect, it } from 'vitest';
import { SpaceError, compileSpace, hp, scope } from './index';
import type { SpaceNode } from './index';

/** Compiles `space` (cast: these tests feed invalid data on purpose) and returns the SpaceError. */
function errorOf(space: unknown): SpaceError {
  try {
    compileSpace(space as SpaceNode);
  } catch (error) {
    if (error instanceof SpaceError) return error;
    throw error;
  }
  throw new Error('expected a SpaceError');
}

describe('compileSpace: validation messages name the label and the problem', () => {
  it.each<[string, unknown, string | null, string]>([
    [
      'uniform low >= high',
      { lr: hp.uniform('lr', 3, 1) },
      'lr',
      "hp.uniform 'lr': low (3) must be less than high (1)",
    ],
    [
      'quniform low == high',
      hp.quniform('q', 2, 2, 1),
      'q',
      "hp.quniform 'q': low (2) must be less than high (2)",
    ],
    [
      'loguniform low >= high',
      hp.loguniform('l', 0, -1),
      'l',
      "hp.loguniform 'l': low (0) must be less than high (-1)",
    ],
    [
      'qloguniform low >= high',
      hp.qloguniform('l', 1, 1, 1),
      'l',
      "hp.qloguniform 'l': low (1) must be less than high (1)",
    ],
    ['randint low >= high', hp.randint('r', 0), 'r', "hp.randint 'r': low (0) must be less than high (0)"],
    ['randint non-integer', hp.randint('r', 0.5, 3), 'r', "hp.randint 'r': low must be an integer (got 0.5)"],
    [
      'uniformint low >= high',
      hp.uniformint('n', 5, 1),
      'n',
      "hp.uniformint 'n': low (5) must be less than high (1)",
    ],
    ['q = 0', hp.quniform('q', 0, 1, 0), 'q', "hp.quniform 'q': q must be positive (got 0)"],
    ['q < 0', hp.qnormal('q', 0, 1, -1), 'q', "hp.qnormal 'q': q must be positive (got -1)"],
    ['uniformint q', hp.uniformint('n', 0, 9, 0), 'n', "hp.uniformint 'n': q must be positive (got 0)"],
    ['qlognormal q', hp.qlognormal('q', 0, 1, -2), 'q', "hp.qlognormal 'q': q must be positive (got -2)"],
    ['qloguniform q', hp.qloguniform('q', 0, 1, 0), 'q', "hp.qloguniform 'q': q must be positive (got 0)"],
    ['sigma = 0', hp.normal('s', 0, 0), 's', "hp.normal 's': sigma must be positive (got 0)"],
    ['sigma < 0', hp.lognormal('s', 0, -1), 's', "hp.lognormal 's': sigma must be positive (got -1)"],
    ['empty choice', hp.choice('c', []), 'c', "hp.choice 'c': options must not be empty"],
    ['empty pchoice', hp.pchoice('p', []), 'p', "hp.pchoice 'p': options must not be empty"],
    [
      'negative p',
      hp.pchoice('p', [
        [-0.1, 'a'],
        [1.1, 'b'],
      ]),
      'p',
      "hp.pchoice 'p': probability of option 0 must not be negative (got -0.1)",
    ],
    [
      'p sum',
      hp.pchoice('p', [
        [0.3, 'a'],
        [0.6, 'b'],
      ]),
      'p',
      "hp.pchoice 'p': probabilities must sum to 1 (got 0.8999999999999999)",
    ],
    [
      'NaN bound',
      hp.uniform('u', Number.NaN, 1),
      'u',
      "hp.uniform 'u': low must be a finite number (got NaN)",
    ],
    [
      'infinite mu',
      hp.normal('n', Infinity, 1),
      'n',
      "hp.normal 'n': mu must be a finite number (got Infinity)",
    ],
    [
      'NaN q',
      hp.quniform('u', 0, 1, Number.NaN),
      'u',
      "hp.quniform 'u': q must be a finite number (got NaN)",
    ],
    [
      'NaN p',
      hp.pchoice('p', [[Number.NaN, 'a']]),
      'p',
      "hp.pchoice 'p': probability of option 0 must be a finite number (got NaN)",
    ],
    [
      'string bound',
      { $hp: 'uniform', label: 'u', low: '0', high: 1 },
      'u',
      `hp.uniform 'u': low must be a finite number (got string "0")`,
    ],
    [
      'choice options not array',
      { $hp: 'choice', label: 'c', options: 'ab' },
      'c',
      `hp.choice 'c': options must be an array (got string "ab")`,
    ],
    [
      'pchoice tuple option',
      { $hp: 'pchoice', label: 'p', options: [[1, 'a']] },
      'p',
      "hp.pchoice 'p': option 0 must be an object {p, value}",
    ],
    [
      'missing field',
      { $hp: 'quniform', label: 'q', low: 0, high: 1 },
      'q',
      "hp.quniform 'q': missing field 'q'",
    ],
    [
      'unexpected field',
      { $hp: 'uniform', label: 'u', low: 0, high: 1, step: 2 },
      'u',
      "hp.uniform 'u': unexpected field 'step' (a literal dict may not have a '$hp' key)",
    ],
    [
      'log bound overflow',
      hp.loguniform('l', 0, 800),
      'l',
      "hp.loguniform 'l': high (800) is a log-space bound and exp(800) overflows",
    ],
    [
      'duplicate label',
      { a: hp.uniform('x', 0, 1), b: [hp.normal('x', 0, 1)] },
      'x',
      "hp.normal 'x': duplicate label (also used at space.a)",
    ],
    [
      'duplicate across branches',
      hp.choice('c', [hp.uniform('x', 0, 1), hp.uniform('x', 0, 1)]),
      'x',
      "hp.uniform 'x': duplicate label (also used at space.options[0])",
    ],
    [
      'choice label reused',
      hp.choice('c', [hp.uniform('c', 0, 1)]),
      'c',
      "hp.uniform 'c': duplicate label (also used at space)",
    ],
  ])('%s', (_name, space, label, message) => {
    const error = errorOf(space);
    expect(error.message).toBe(message);
    expect(error.label).toBe(label);
    expect(message.endsWith(error.problem)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SpaceError');
  });

  it.each<[string, unknown, string, string]>([
    [
      'NaN literal',
      { layers: [1, 2, Number.NaN] },
      'space.layers[2]',
      'space.layers[2]: NaN is not allowed in a space (numbers must be finite)',
    ],
    [
      'Infinity literal',
      { 'a b': Infinity },
      'space["a b"]',
      'space["a b"]: Infinity is not allowed in a space (numbers must be finite)',
    ],
    [
      'unknown kind',
      { x: { $hp: 'beta', label: 'b' } },
      'space.x',
      'space.x: unknown $hp kind string "beta" (a literal dict may not have a \'$hp\' key)',
    ],
    [
      'literal dict with $hp key',
      [{ $hp: 1 }],
      'space[0]',
      "space[0]: unknown $hp kind 1 (a literal dict may not have a '$hp' key)",
    ],
    [
      'empty label',
      { opt: hp.uniform('', 0, 1) },
      'space.opt',
      'space.opt: hp.uniform label must be a non-empty string (got string "")',
    ],
    [
      'numeric label',
      { $hp: 'normal', label: 3, mu: 0, sigma: 1 },
      'space',
      'space: hp.normal label must be a non-empty string (got 3)',
    ],
    [
      'missing label',
      { $hp: 'choice', options: [1] },
      'space',
      'space: hp.choice label must be a non-empty string (got undefined)',
    ],
    [
      'undefined value',
      { a: undefined },
      'space.a',
      'space.a: undefined is not allowed in a space (only JSON values and hp expressions)',
    ],
    [
      'function value',
      { f: () => 1 },
      'space.f',
      'space.f: a function is not allowed in a space (only JSON values and hp expressions)',
    ],
    [
      'class instance',
      { d: new Date(0) },
      'space.d',
      'space.d: only plain objects, arrays and JSON values are allowed',
    ],
    ['int without arg', { n: { $hp: 'int' } }, 'space.n', "space.n: missing field 'arg'"],
    [
      'NaN inside int',
      { n: scope.int(Number.NaN) },
      'space.n.arg',
      'space.n.arg: NaN is not allowed in a space (numbers must be finite)',
    ],
    [
      'NaN inside choice option',
      hp.choice('c', [[0, Number.NaN]]),
      'space.options[0][1]',
      'space.options[0][1]: NaN is not allowed in a space (numbers must be finite)',
    ],
    [
      'NaN inside pchoice value',
      hp.pchoice('p', [[1, { v: Number.NaN }]]),
      'space.options[0].value.v',
      'space.options[0].value.v: NaN is not allowed in a space (numbers must be finite)',
    ],
  ])('%s (no label: the path is named)', (_name, space, path, message) => {
    const error = errorOf(space);
    expect(error.label).toBeNull();
    expect(error.path).toBe(path);
    expect(error.message).toBe(message);
  });

  it('rejects cycles and __proto__ keys', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(errorOf(cyclic).message).toBe('space.self: cyclic reference');
    expect(errorOf(JSON.parse('{"__proto__": {"a": 1}}')).message).toBe(
      "space: '__proto__' is not allowed as a key",
    );
  });

  it('allows the same literal object twice (only cycles are rejected) and pchoice sums within 1e-6', () => {
    const shared = { a: 1 };
    expect(() => compileSpace({ x: shared, y: shared })).not.toThrow();
    expect(() =>
      compileSpace(
        hp.pchoice('p', [
          [0.1, 'a'],
          [0.2, 'b'],
          [0.7000005, 'c'],
        ]),
      ),
    ).not.toThrow();
    expect(() =>
      compileSpace(
        hp.pchoice('p', [
          [0.1, 'a'],
          [0.2, 'b'],
          [0.700002, 'c'],
        ]),
      ),
    ).toThrow(SpaceError);
  });
});
