import { describe, expect, it } from 'vitest';
import { hp, scope, type SpaceNode } from '../space';
import { PythonImportError, parsePythonSpace } from './index';

const read = (text: string): SpaceNode => parsePythonSpace(text).space;

function errorOf(text: string): PythonImportError {
  try {
    parsePythonSpace(text);
  } catch (error) {
    if (error instanceof PythonImportError) return error;
    throw error;
  }
  throw new Error(`expected a PythonImportError for ${text}`);
}

describe('parsePythonSpace: every hp expression', () => {
  it.each<[string, SpaceNode]>([
    ["hp.choice('c', ['a', 1, None])", hp.choice('c', ['a', 1, null])],
    ["hp.choice('c', ('a', 'b'))", hp.choice('c', ['a', 'b'])],
    [
      "hp.pchoice('p', [(0.2, 'a'), (0.8, 'b')])",
      hp.pchoice('p', [
        [0.2, 'a'],
        [0.8, 'b'],
      ]),
    ],
    [
      "hp.pchoice('p', [[0.5, 'a'], [0.5, 'b']])",
      hp.pchoice('p', [
        [0.5, 'a'],
        [0.5, 'b'],
      ]),
    ],
    ["hp.randint('r', 10)", hp.randint('r', 10)],
    ["hp.randint('r', 3, 10)", hp.randint('r', 3, 10)],
    ["hp.randint('r', low=10)", hp.randint('r', 10)],
    ["hp.randint('r', low=-3, high=10)", hp.randint('r', -3, 10)],
    ["hp.uniform('u', -1, 1)", hp.uniform('u', -1, 1)],
    ["hp.quniform('q', 0, 100, 5)", hp.quniform('q', 0, 100, 5)],
    ["hp.loguniform('l', np.log(1e-4), np.log(1))", hp.loguniform('l', Math.log(1e-4), Math.log(1))],
    ["hp.qloguniform('ql', math.log(1), numpy.log(100), 1)", hp.qloguniform('ql', 0, Math.log(100), 1)],
    ["hp.uniformint('ui', 1, 10)", hp.uniformint('ui', 1, 10)],
    ["hp.normal('n', 0, 1)", hp.normal('n', 0, 1)],
    ["hp.qnormal('qn', 10, 2, 1)", hp.qnormal('qn', 10, 2, 1)],
    ["hp.lognormal('ln', 0, 1)", hp.lognormal('ln', 0, 1)],
    ["hp.qlognormal('qln', 1, 0.5, 2)", hp.qlognormal('qln', 1, 0.5, 2)],
    ["scope.int(hp.quniform('n', 10, 500, 10))", scope.int(hp.quniform('n', 10, 500, 10))],
    ["hyperopt.hp.uniform('u', 0, 1)", hp.uniform('u', 0, 1)],
    ["hyperopt.pyll.scope.int(hp.normal('n', 5, 1))", scope.int(hp.normal('n', 5, 1))],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('binds keyword arguments by Hyperopt’s parameter names, in any order', () => {
    expect(read("hp.uniform(high=2, low=1, label='u')")).toEqual(hp.uniform('u', 1, 2));
    expect(read("hp.qnormal('q', sigma=2, mu=1, q=0.5)")).toEqual(hp.qnormal('q', 1, 2, 0.5));
    expect(read("hp.choice(label='c', options=[1, 2])")).toEqual(hp.choice('c', [1, 2]));
    expect(read("hp.pchoice('p', p_options=[(1.0, 'x')])")).toEqual(hp.pchoice('p', [[1, 'x']]));
  });
});

describe('parsePythonSpace: Python syntax', () => {
  it('reads a nested space with imports, comments, an assignment and trailing commas', () => {
    const text = `from hyperopt import hp
from hyperopt.pyll import scope
import numpy as np  # for the log bounds

# The classifier and its knobs.
space = {
    'classifier': hp.choice('classifier', [
        {'type': 'svm', 'C': hp.lognormal('svm_C', 0, 1),
         'kernel': hp.choice('svm_kernel', [
             {'ktype': 'linear'},
             {'ktype': 'rbf', 'width': hp.lognormal('svm_rbf_width', 0, 1)},
         ])},
        {"type": "dtree", "max_depth": hp.choice('dtree_max_depth', [None, hp.qlognormal('dtree_max_depth_int', 3, 1, 1)]),},
    ]),
    'seed': 42,
}
`;
    expect(read(text)).toEqual({
      classifier: hp.choice('classifier', [
        {
          type: 'svm',
          C: hp.lognormal('svm_C', 0, 1),
          kernel: hp.choice('svm_kernel', [
            { ktype: 'linear' },
            { ktype: 'rbf', width: hp.lognormal('svm_rbf_width', 0, 1) },
          ]),
        },
        {
          type: 'dtree',
          max_depth: hp.choice('dtree_max_depth', [null, hp.qlognormal('dtree_max_depth_int', 3, 1, 1)]),
        },
      ]),
      seed: 42,
    });
  });

  it('reads numbers as Python writes them', () => {
    expect(
      read(
        '[1, -2, +3, 1.5, -.5, 5., 1e-7, -2.5E+3, 1_000, 0x1F, 0o17, 0b101, 2 ** 10, -2 ** 2, 1 / 4, 3 - 1 * 2]',
      ),
    ).toEqual([1, -2, 3, 1.5, -0.5, 5, 1e-7, -2500, 1000, 31, 15, 5, 1024, -4, 0.25, 1]);
    expect(Object.is(read('-0.0'), -0)).toBe(true);
    expect(read('[np.log(10), math.log(8, 2), -np.log(2)]')).toEqual([
      Math.log(10),
      Math.log(8) / Math.log(2),
      -Math.log(2),
    ]);
  });

  it('reads strings, constants and containers', () => {
    expect(
      read(`['a', "b", 'it\\'s', "say \\"hi\\"", 'tab\\tnew\\nline', '\\x41\\u00e9\\U0001F600', r'\\d+', u'u', 'con' "cat", """triple
quoted"""]`),
    ).toEqual([
      'a',
      'b',
      "it's",
      'say "hi"',
      'tab\tnew\nline',
      'Aé😀',
      '\\d+',
      'u',
      'concat',
      'triple\nquoted',
    ]);
    expect(read('(True, False, None)')).toEqual([true, false, null]);
    expect(read('((1,), (), [], {})')).toEqual([[1], [], [], {}]);
    expect(read("{'a': (1), 'b': ((2))}")).toEqual({ a: 1, b: 2 });
  });

  it('reads a bare expression, a backslash continuation and semicolons', () => {
    expect(read("hp.uniform('x', \\\n  0, 1)")).toEqual(hp.uniform('x', 0, 1));
    expect(read("import numpy as np; space = hp.uniform('x', 0, 1);")).toEqual(hp.uniform('x', 0, 1));
    expect(read("search_space: dict = {'x': 1}")).toEqual({ x: 1 });
  });
});

describe('parsePythonSpace: errors name the construct, the line and the column', () => {
  it.each<[string, string]>([
    ["space = {\n  'n': n_estimators,\n}", 'line 2, column 8: variables are not supported (`n_estimators`)'],
    ["{'x': np.pi}", 'line 1, column 7: attributes are not supported (`np.pi`)'],
    [
      "hp.choice('c', range(3))",
      'line 1, column 16: function calls other than hp.*, scope.int and np.log are not supported (`range(...)`)',
    ],
    [
      '[i for i in range(3)]',
      'line 1, column 4: comprehensions (`for`) are not supported: paste only the space',
    ],
    ["{'x': lambda: 1}", 'line 1, column 7: `lambda` is not supported: paste only the space'],
    ['def objective(x):\n    return x', 'line 1, column 1: `def` is not supported: paste only the space'],
    [
      "hp.foo('x', 1)",
      'line 1, column 1: `hp.foo` is not an hp expression (known: hp.choice, hp.pchoice, hp.uniform, hp.loguniform, hp.quniform, hp.qloguniform, hp.uniformint, hp.randint, hp.normal, hp.lognormal, hp.qnormal, hp.qlognormal)',
    ],
    ['scope.float(1)', 'line 1, column 1: only scope.int is supported (`scope.float`)'],
    ["hp.uniform('x', 0)", 'line 1, column 1: hp.uniform needs `high`'],
    // As in Hyperopt, whose hp.randint passes its arguments on to randint(low, high=None).
    [
      "hp.randint('r', upper=5)",
      'line 1, column 17: hp.randint has no argument `upper` (it takes label, low, high)',
    ],
    ["hp.randint('r', high=5)", 'line 1, column 1: hp.randint needs `low`'],
    ["hp.uniform('x', 0, 1, 2)", 'line 1, column 23: hp.uniform takes 3 arguments (label, low, high), got 4'],
    [
      "hp.uniform('x', 0, 1, q=2)",
      'line 1, column 23: hp.uniform has no argument `q` (it takes label, low, high)',
    ],
    ["hp.uniform('x', 0, low=1)", 'line 1, column 20: hp.uniform got `low` twice'],
    [
      "hp.uniform(label='x', 0, 1)",
      'line 1, column 23: a positional argument of hp.uniform follows a keyword argument',
    ],
    ['hp.uniform(1, 0, 1)', 'line 1, column 12: the label of hp.uniform must be a string (got a number)'],
    ["hp.uniform('x', '0', 1)", 'line 1, column 17: `low` of hp.uniform must be a number (got a string)'],
    [
      "hp.choice('c', 'ab')",
      'line 1, column 16: the options of hp.choice must be a list or tuple (got a string)',
    ],
    [
      "hp.pchoice('p', [0.5, 0.5])",
      'line 1, column 18: each option of hp.pchoice must be a pair (probability, value), got a number',
    ],
    [
      "hp.uniformint('n', 1, 10, q=2)",
      'line 1, column 1: hp.uniformint always uses q = 1 in Hyperopt; write scope.int(hp.quniform(label, low, high, q)) for another step',
    ],
    ['np.log(0)', 'line 1, column 8: np.log of 0 is not a finite number'],
    ["hp.uniform('x', *bounds)", 'line 1, column 17: argument unpacking (`*`) is not supported'],
    ["{**base, 'x': 1}", 'line 1, column 2: dict unpacking (`**`) is not supported'],
    ["{1: 'a'}", 'line 1, column 2: dict keys must be strings (got a number)'],
    ["{'$hp': 'uniform'}", "line 1, column 2: the key '$hp' is reserved"],
    ["{'a', 'b'}", 'line 1, column 2: sets are not supported'],
    ["space = {'a': 1}['a']", 'line 1, column 17: indexing is not supported'],
    ["'abc'.upper()", 'line 1, column 6: attributes and methods of values are not supported'],
    ["'a' + 1", 'line 1, column 5: `+` works on numbers only'],
    ['1 / 0', 'line 1, column 3: division by zero'],
    ['1 if x else 2', 'line 1, column 3: `if` is not supported: paste only the space'],
    ['x < 3', 'line 1, column 1: variables are not supported (`x`)'],
    ['1 < 3', 'line 1, column 3: the operator `<` is not supported'],
    ['a = 1\nb = 2', 'line 2, column 1: only one space is read, but a second statement starts here (`b`)'],
    ['[1, 2', 'line 1, column 6: expected `,` or `]` in the list, found the end of the text'],
    ["{'a' 1}", 'line 1, column 6: expected `:` after the dict key, found `1`'],
    ["'unclosed", 'line 1, column 1: this string is not closed'],
    ["b'bytes'", "line 1, column 1: bytes literals are not supported (`b'...'`)"],
    ["f'{x}'", 'line 1, column 1: f-strings are not supported (they need variables)'],
    ['3j', 'line 1, column 1: complex numbers are not supported (`3j`)'],
    ['007', 'line 1, column 1: leading zeros in a number are not allowed in Python (`007`)'],
    ['x = $', 'line 1, column 5: unexpected character `$`'],
  ])('%s', (text, message) => {
    expect(errorOf(text).message).toBe(message);
  });

  it('points a space validation error at the hp call it is about', () => {
    const error = errorOf("space = {\n    'a': hp.uniform('a', 0, 1),\n    'b': hp.uniform('b', 3, 1),\n}");
    expect(error.message).toBe("line 3, column 10: hp.uniform 'b': low (3) must be less than high (1)");
    expect([error.line, error.column]).toEqual([3, 10]);
    expect(errorOf("[hp.normal('s', 0, -1)]").message).toBe(
      "line 1, column 2: hp.normal 's': sigma must be positive (got -1)",
    );
    expect(errorOf("[hp.uniform('x', 0, 1),\n hp.normal('x', 0, 1)]").message).toBe(
      "line 2, column 2: hp.normal 'x': duplicate label (also used at space[0])",
    );
    expect(errorOf("hp.pchoice('p', [(0.5, 1), (0.4, 2)])").message).toMatch(
      /^line 1, column 1: hp\.pchoice 'p': probabilities must sum to 1/,
    );
  });

  it('refuses nesting deeper than 100 levels instead of overflowing the stack', () => {
    expect(read(`${'['.repeat(100)}${']'.repeat(100)}`)).toBeDefined();
    expect(errorOf(`${'['.repeat(10000)}${']'.repeat(10000)}`).message).toBe(
      'line 1, column 101: nesting deeper than 100 levels is not supported',
    );
    expect(errorOf(`${'-'.repeat(10000)}1`).message).toMatch(/nesting deeper than 100 levels/);
  });

  it('knows no hp expressions or algorithms from the prototype chain', () => {
    expect(errorOf("hp.constructor('x')").message).toMatch(
      /^line 1, column 1: `hp\.constructor` is not an hp expression/,
    );
    expect(errorOf("hp.toString('x')").message).toMatch(/`hp\.toString` is not an hp expression/);
  });

  it('says when there is no space at all', () => {
    const error = errorOf('from hyperopt import hp\n# nothing else\n');
    expect(error.message).toBe(
      'no space found: paste an hp expression, a dict or list of them, or `space = ...`',
    );
    expect(error.line).toBeUndefined();
  });
});
