import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index';
import { compileSpace, drawParam, hp, isActive, roundHalfEven, sample, sampleVals, scope } from './index';
import type { ParamExpr } from './index';

describe('roundHalfEven (numpy round)', () => {
  it.each([
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [3.5, 4],
    [-1.5, -2],
    [-2.5, -2],
    [-3.5, -4],
    [2.4999999999999996, 2],
    [0.49999999999999994, 0],
    [3.7, 4],
    [-3.7, -4],
    [2 ** 53, 2 ** 53],
    [4503599627370497, 4503599627370497],
  ])('%d → %d', (x, expected) => {
    expect(roundHalfEven(x)).toBe(expected);
  });

  it('keeps the sign of zero like numpy (−0.5 and −0.3 give −0)', () => {
    expect(Object.is(roundHalfEven(-0.5), -0)).toBe(true);
    expect(Object.is(roundHalfEven(-0.3), -0)).toBe(true);
    expect(Object.is(roundHalfEven(0.3), 0)).toBe(true);
  });
});

const ALL_KINDS: ParamExpr[] = [
  hp.uniform('x', -2, 3),
  hp.quniform('x', 0, 10, 0.5),
  hp.loguniform('x', Math.log(1e-4), 0),
  hp.qloguniform('x', 0, Math.log(1000), 5),
  hp.normal('x', 1, 2),
  hp.qnormal('x', 0, 3, 1),
  hp.lognormal('x', 0, 0.5),
  hp.qlognormal('x', 1, 1, 2),
  hp.randint('x', 7),
  hp.randint('x', 3, 9),
  hp.uniformint('x', 1, 10),
  hp.choice('x', ['a', 'b', 'c']),
  hp.pchoice('x', [
    [0.1, 'a'],
    [0.2, 'b'],
    [0.7, 'c'],
  ]),
];

describe('drawParam and sampleVals', () => {
  it.each(ALL_KINDS.map((e) => [e.$hp, e] as const))(
    '%s: sampleVals of a one-param space equals drawParam',
    (_kind, expr) => {
      const space = compileSpace(expr);
      const a = createRng(17);
      const b = createRng(17);
      for (let i = 0; i < 200; i++) expect(sampleVals(space, a).x).toBe(drawParam(expr, b));
    },
  );

  it('is deterministic for a seed', () => {
    const space = compileSpace({ a: hp.uniform('a', 0, 1), b: hp.choice('b', [hp.normal('n', 0, 1), 'k']) });
    const run = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => sampleVals(space, rng));
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it('quantised draws follow Hyperopt: qloguniform can give 0, outside its bounds', () => {
    const rng = createRng(3);
    const expr = hp.qloguniform('x', 0, Math.log(1000), 5);
    const values = Array.from({ length: 2000 }, () => drawParam(expr, rng));
    // exp(U) in [1, 2.5) rounds to 0: probability log(2.5)/log(1000) ≈ 0.133
    const zeros = values.filter((v) => v === 0).length / values.length;
    expect(zeros).toBeGreaterThan(0.1);
    expect(zeros).toBeLessThan(0.17);
  });

  it('uniformint keeps the quantised number in vals and gives int() to the objective', () => {
    const space = compileSpace({ n: hp.uniformint('n', 0, 5, 0.5) });
    const rng = createRng(8);
    let sawHalf = false;
    for (let i = 0; i < 200; i++) {
      const vals = sampleVals(space, rng);
      const n = vals.n!;
      expect(Number.isInteger(n * 2)).toBe(true);
      sawHalf ||= !Number.isInteger(n);
      expect(sample(space, createRng(i))).toEqual({ n: Math.trunc(sampleVals(space, createRng(i)).n!) });
    }
    expect(sawHalf).toBe(true);
  });
});

describe('nested spaces', () => {
  const space = compileSpace({
    lr: hp.loguniform('lr', Math.log(1e-4), 0),
    layers: [
      hp.choice('block', [
        { kind: 'dense', units: scope.int(hp.quniform('units', 8, 64, 8)) },
        {
          kind: 'conv',
          kernel: hp.pchoice('kernel', [
            [0.5, 3],
            [0.5, { size: hp.randint('ksize', 1, 9), dilate: hp.choice('dilate', [false, true]) }],
          ]),
        },
        'skip',
      ]),
    ],
  });

  it('draws only the active labels, and each label is present iff its conditions hold', () => {
    const rng = createRng(21);
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const vals = sampleVals(space, rng);
      for (const param of space.params) expect(param.label in vals).toBe(isActive(param, vals));
      expect(Object.keys(vals).length).toBe(space.params.filter((p) => isActive(p, vals)).length);
      seen.add(Object.keys(vals).sort().join(','));
    }
    expect([...seen].sort()).toEqual([
      'block,dilate,kernel,ksize,lr',
      'block,kernel,lr',
      'block,lr',
      'block,lr,units',
    ]);
  });

  it('draws the choice index uniformly and the branch index by p', () => {
    const rng = createRng(22);
    const block = [0, 0, 0];
    const kernel = [0, 0];
    const n = 30_000;
    for (let i = 0; i < n; i++) {
      const vals = sampleVals(space, rng);
      block[vals.block!]! += 1;
      if (vals.kernel !== undefined) kernel[vals.kernel]! += 1;
    }
    for (const c of block) expect(Math.abs(c / n - 1 / 3)).toBeLessThan(0.015);
    expect(Math.abs(kernel[0]! / (kernel[0]! + kernel[1]!) - 0.5)).toBeLessThan(0.02);
  });

  it('sample() gives the configuration the objective receives', () => {
    const rng = createRng(23);
    for (let i = 0; i < 500; i++) {
      const config = sample(space, rng) as { lr: number; layers: unknown[] };
      expect(config.lr).toBeGreaterThanOrEqual(1e-4);
      expect(config.lr).toBeLessThanOrEqual(1);
      expect(config.layers).toHaveLength(1);
      const layer = config.layers[0];
      if (layer === 'skip') continue;
      const l = layer as { kind: string; units?: number; kernel?: unknown };
      if (l.kind === 'dense') {
        expect(Number.isInteger(l.units)).toBe(true);
        expect(l.units! % 8).toBe(0);
      } else {
        expect(l.kind).toBe('conv');
        if (l.kernel !== 3) {
          const k = l.kernel as { size: number; dilate: boolean };
          expect(typeof k.dilate).toBe('boolean');
          expect(Number.isInteger(k.size) && k.size >= 1 && k.size < 9).toBe(true);
        }
      }
    }
  });

  it('sample() also takes an uncompiled space', () => {
    const raw = { a: hp.choice('a', ['x', 'y']), b: 1 };
    const config = sample(raw, createRng(1)) as { a: string; b: number };
    expect(['x', 'y']).toContain(config.a);
    expect(config.b).toBe(1);
  });
});
