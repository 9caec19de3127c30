import { describe, expect, it } from 'vitest';
import { compileSpace, hp, scope } from './index';

describe('compileSpace: parameters and conditions', () => {
  it('lists params depth-first, a choice before its children, with nested conditions', () => {
    const k = hp.randint('k', 1, 9);
    const space = {
      lr: hp.loguniform('lr', -9, 0),
      layers: [
        hp.choice('l0', [
          { kind: 'dense', units: hp.quniform('u0', 8, 64, 8) },
          { kind: 'conv', inner: hp.choice('ker', [3, { size: k }]) },
        ]),
      ],
      tail: hp.normal('t', 0, 1),
    };
    const compiled = compileSpace(space);
    expect(compiled.root).toBe(space);
    expect(compiled.params.map((p) => p.label)).toEqual(['lr', 'l0', 'u0', 'ker', 'k', 't']);
    expect(compiled.byLabel.get('lr')?.conditions).toEqual([]);
    expect(compiled.byLabel.get('u0')?.conditions).toEqual([{ label: 'l0', index: 0 }]);
    expect(compiled.byLabel.get('ker')?.conditions).toEqual([{ label: 'l0', index: 1 }]);
    expect(compiled.byLabel.get('k')?.conditions).toEqual([
      { label: 'l0', index: 1 },
      { label: 'ker', index: 1 },
    ]);
    expect(compiled.byLabel.get('t')?.conditions).toEqual([]);
    expect(compiled.byLabel.get('k')?.expr).toBe(k);
  });

  it('pchoice options condition their children like choice options', () => {
    const compiled = compileSpace(
      hp.pchoice('p', [
        [0.5, 1],
        [0.5, { x: hp.uniform('x', 0, 1) }],
      ]),
    );
    expect(compiled.byLabel.get('x')?.conditions).toEqual([{ label: 'p', index: 1 }]);
  });

  it('params inside scope.int keep the enclosing conditions', () => {
    const compiled = compileSpace(hp.choice('c', [0, scope.int(hp.uniform('x', 0, 10))]));
    expect(compiled.byLabel.get('x')?.conditions).toEqual([{ label: 'c', index: 1 }]);
  });

  it('accepts literal spaces and literal-only structure', () => {
    expect(compileSpace(3).params).toEqual([]);
    expect(compileSpace({ a: [1, 'x', true, null, { b: -0 }] }).params).toEqual([]);
  });
});
