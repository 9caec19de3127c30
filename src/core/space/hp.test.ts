import { describe, expect, it } from 'vitest';
import { hp, scope } from './index';

describe('hp builders return plain JSON expressions', () => {
  it('choice and pchoice', () => {
    expect(hp.choice('act', ['relu', { deep: true }])).toEqual({
      $hp: 'choice',
      label: 'act',
      options: ['relu', { deep: true }],
    });
    expect(
      hp.pchoice('p', [
        [0.3, 'a'],
        [0.7, ['b']],
      ]),
    ).toEqual({
      $hp: 'pchoice',
      label: 'p',
      options: [
        { p: 0.3, value: 'a' },
        { p: 0.7, value: ['b'] },
      ],
    });
  });

  it('randint with upper only and with low, high', () => {
    expect(hp.randint('r', 7)).toEqual({ $hp: 'randint', label: 'r', low: 0, high: 7 });
    expect(hp.randint('r', 3, 9)).toEqual({ $hp: 'randint', label: 'r', low: 3, high: 9 });
  });

  it('uniform kinds keep Hyperopt argument order; log kinds take log-space bounds', () => {
    expect(hp.uniform('u', -2, 3)).toEqual({ $hp: 'uniform', label: 'u', low: -2, high: 3 });
    expect(hp.quniform('u', 0, 10, 0.5)).toEqual({ $hp: 'quniform', label: 'u', low: 0, high: 10, q: 0.5 });
    expect(hp.loguniform('lr', Math.log(1e-4), 0)).toEqual({
      $hp: 'loguniform',
      label: 'lr',
      low: Math.log(1e-4),
      high: 0,
    });
    expect(hp.qloguniform('n', 0, Math.log(1000), 5)).toEqual({
      $hp: 'qloguniform',
      label: 'n',
      low: 0,
      high: Math.log(1000),
      q: 5,
    });
  });

  it('normal kinds', () => {
    expect(hp.normal('x', 1, 2)).toEqual({ $hp: 'normal', label: 'x', mu: 1, sigma: 2 });
    expect(hp.qnormal('x', 0, 3, 1)).toEqual({ $hp: 'qnormal', label: 'x', mu: 0, sigma: 3, q: 1 });
    expect(hp.lognormal('x', 0, 0.5)).toEqual({ $hp: 'lognormal', label: 'x', mu: 0, sigma: 0.5 });
    expect(hp.qlognormal('x', 1, 1, 2)).toEqual({ $hp: 'qlognormal', label: 'x', mu: 1, sigma: 1, q: 2 });
  });

  it('uniformint defaults q to 1', () => {
    expect(hp.uniformint('n', 1, 10)).toEqual({ $hp: 'uniformint', label: 'n', low: 1, high: 10, q: 1 });
    expect(hp.uniformint('n', 0, 100, 5)).toEqual({ $hp: 'uniformint', label: 'n', low: 0, high: 100, q: 5 });
  });

  it('scope.int wraps any node', () => {
    expect(scope.int(hp.quniform('n', 0, 10, 1))).toEqual({
      $hp: 'int',
      arg: { $hp: 'quniform', label: 'n', low: 0, high: 10, q: 1 },
    });
  });

  it('expressions survive JSON unchanged', () => {
    const space = { a: hp.choice('c', [hp.uniform('x', 0, 1), scope.int(hp.normal('y', 0, 1))]) };
    expect(JSON.parse(JSON.stringify(space))).toEqual(space);
  });
});
