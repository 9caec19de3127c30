import { describe, expect, it } from 'vitest';
import { SpaceError, compileSpace, hp, scope, spaceEval } from './index';

const space = {
  optimizer: hp.choice('opt', [
    { name: 'sgd', lr: hp.loguniform('sgd_lr', -9, 0), momentum: hp.uniform('mom', 0, 1) },
    { name: 'adam', lr: hp.loguniform('adam_lr', -9, 0) },
  ]),
  layers: [hp.randint('n_layers', 1, 4), scope.int(hp.quniform('units', 8, 64, 8)), hp.uniformint('k', 1, 7)],
  act: hp.pchoice('act', [
    [0.2, 'tanh'],
    [0.8, hp.choice('relu_kind', ['relu', 'gelu'])],
  ]),
  fixed: { seed: 0, tags: ['a', null, true] },
};

function errorOf(fn: () => unknown): SpaceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SpaceError) return error;
    throw error;
  }
  throw new Error('expected a SpaceError');
}

describe('spaceEval', () => {
  it('turns choice indices into options, casts ints and rebuilds structure', () => {
    const vals = { opt: 0, sgd_lr: 0.01, mom: 0.9, n_layers: 2, units: 24.0, k: 4, act: 1, relu_kind: 1 };
    expect(spaceEval(space, vals)).toEqual({
      optimizer: { name: 'sgd', lr: 0.01, momentum: 0.9 },
      layers: [2, 24, 4],
      act: 'gelu',
      fixed: { seed: 0, tags: ['a', null, true] },
    });
  });

  it('accepts Hyperopt misc-style lists, ignoring inactive labels ([]) and extras', () => {
    const argmin = {
      opt: [1],
      sgd_lr: [],
      mom: [],
      adam_lr: [0.001],
      n_layers: [3],
      units: [8],
      k: [1],
      act: [0],
      relu_kind: [],
      unrelated: [5],
    };
    expect(spaceEval(space, argmin)).toEqual({
      optimizer: { name: 'adam', lr: 0.001 },
      layers: [3, 8, 1],
      act: 'tanh',
      fixed: { seed: 0, tags: ['a', null, true] },
    });
  });

  it('accepts a compiled space and returns fresh objects each time', () => {
    const compiled = compileSpace(space);
    const vals = { opt: 1, adam_lr: 0.5, n_layers: 1, units: 8, k: 1, act: 0 };
    const a = spaceEval(compiled, vals) as { fixed: { tags: unknown[] } };
    const b = spaceEval(compiled, vals) as { fixed: { tags: unknown[] } };
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.fixed).not.toBe(space.fixed);
    a.fixed.tags.push('mutated');
    expect(space.fixed.tags).toEqual(['a', null, true]);
  });

  it('int() truncates toward zero like Python, without −0', () => {
    const s = {
      a: scope.int(hp.normal('a', 0, 1)),
      b: hp.uniformint('b', -5, 5, 0.5),
      c: scope.int(hp.choice('c', [2.7, true, -0.2])),
    };
    expect(spaceEval(s, { a: -2.7, b: -1.5, c: 0 })).toEqual({ a: -2, b: -1, c: 2 });
    const r = spaceEval(s, { a: -0.4, b: 0.5, c: 2 }) as Record<string, number>;
    expect(Object.is(r.a, 0) && Object.is(r.b, 0) && Object.is(r.c, 0)).toBe(true);
    expect(spaceEval(s, { a: 1, b: 1, c: 1 })).toEqual({ a: 1, b: 1, c: 1 });
  });

  it('a missing value for an active label names the label', () => {
    const error = errorOf(() =>
      spaceEval(space, { opt: 0, sgd_lr: 0.01, n_layers: 2, units: 8, k: 1, act: 0 }),
    );
    expect(error.label).toBe('mom');
    expect(error.message).toBe("hp.uniform 'mom': no value given for this active hyperparameter");
    // [] marks a label inactive; a top-level choice is always active
    expect(errorOf(() => spaceEval(space, { opt: [] })).message).toBe(
      "hp.choice 'opt': no value given for this active hyperparameter",
    );
  });

  it('an out-of-range or fractional choice index names the label', () => {
    const base = { sgd_lr: 0.01, mom: 0.5, n_layers: 2, units: 8, k: 1, act: 0 };
    expect(errorOf(() => spaceEval(space, { ...base, opt: 2 })).message).toBe(
      "hp.choice 'opt': option index 2 is out of range (2 options)",
    );
    expect(errorOf(() => spaceEval(space, { ...base, opt: -1 })).label).toBe('opt');
    expect(errorOf(() => spaceEval(space, { ...base, opt: 0.5 })).label).toBe('opt');
    expect(errorOf(() => spaceEval(space, { ...base, opt: 0, act: 2 })).message).toBe(
      "hp.pchoice 'act': option index 2 is out of range (2 options)",
    );
  });

  it('rejects multi-value lists and non-numbers', () => {
    expect(errorOf(() => spaceEval(hp.uniform('x', 0, 1), { x: [0.1, 0.2] })).message).toBe(
      "hp.uniform 'x': expected one value, got 2",
    );
    const bad = { x: 'a' } as unknown as Record<string, number>;
    expect(errorOf(() => spaceEval(hp.uniform('x', 0, 1), bad)).message).toBe(
      `hp.uniform 'x': value must be a finite number (got string "a")`,
    );
  });

  it('does not read inherited properties as values', () => {
    expect(errorOf(() => spaceEval(hp.uniform('constructor', 0, 1), {})).label).toBe('constructor');
  });

  it('scope.int of a non-number names the path', () => {
    const error = errorOf(() => spaceEval({ n: scope.int(hp.choice('c', ['a'])) }, { c: 0 }));
    expect(error.label).toBeNull();
    expect(error.message).toBe('space.n: scope.int needs a finite number (got string "a")');
  });

  it('validates an uncompiled space first', () => {
    expect(errorOf(() => spaceEval(hp.uniform('x', 1, 0), { x: 0.5 })).problem).toBe(
      'low (1) must be less than high (0)',
    );
  });

  it('evaluates literal-only spaces to copies', () => {
    expect(spaceEval(5, {})).toBe(5);
    expect(spaceEval({ a: [1, { b: 'c' }] }, {})).toEqual({ a: [1, { b: 'c' }] });
  });
});
