import { describe, expect, it } from 'vitest';
import { compileSpace, hp } from '../space';
import { Trials } from '../trials/trials';
import { makeSuggestAlgo } from './makeSuggestAlgo';
import { rand } from './rand';
import { algoFromSpec, algoToSpec, getRegisteredAlgo, registerAlgo, registeredAlgoNames } from './registry';

const domain = { space: compileSpace({ x: hp.uniform('x', 0, 1) }) };
const trials = new Trials();

/** A toy algorithm: always proposes x = options.at. */
const fixed = makeSuggestAlgo(
  'fixed-test',
  { at: 0.5, label: 'x' },
  (ids, _domain, _trials, _seed, options) =>
    ids.map((tid) => ({ tid, vals: { [options.label]: options.at } })),
);

describe('makeSuggestAlgo', () => {
  it('passes its options to the implementation and replaces them with .with()', () => {
    expect(fixed([0], domain, trials, 1)).toEqual([{ tid: 0, vals: { x: 0.5 } }]);
    const other = fixed.with({ at: 0.25 });
    expect(other([1], domain, trials, 1)).toEqual([{ tid: 1, vals: { x: 0.25 } }]);
    expect(other.options).toEqual({ at: 0.25, label: 'x' });
    expect(fixed.options).toEqual({ at: 0.5, label: 'x' });
    expect(Object.isFrozen(other.options)).toBe(true);
  });

  it('rejects unknown options, listing the known ones', () => {
    expect(() => fixed.with({ gama: 1 } as never)).toThrow(
      /Unknown option "gama" for algorithm "fixed-test" \(known options: at, label\)/,
    );
  });
});

describe('algorithm registry', () => {
  it('has rand registered', () => {
    expect(registeredAlgoNames()).toContain('rand');
    expect(getRegisteredAlgo('rand')).toBe(rand.suggest);
    expect(getRegisteredAlgo('nope')).toBeUndefined();
  });

  it('describes algos as data and rebuilds them', () => {
    registerAlgo(fixed);
    registerAlgo(fixed); // idempotent
    const spec = algoToSpec(fixed.with({ at: 0.75 }));
    expect(spec).toEqual({ name: 'fixed-test', options: { at: 0.75, label: 'x' } });
    const rebuilt = algoFromSpec(JSON.parse(JSON.stringify(spec)) as typeof spec);
    expect(rebuilt([2], domain, trials, 1)).toEqual([{ tid: 2, vals: { x: 0.75 } }]);
    expect(algoFromSpec({ name: 'rand' })).toBe(rand.suggest);
    expect(algoToSpec(rand.suggest)).toEqual({ name: 'rand', options: {} });
  });

  it('refuses unknown names and name clashes with clear errors', () => {
    expect(() => algoFromSpec({ name: 'tpe-typo' })).toThrow(
      /Unknown algorithm "tpe-typo" \(registered: .*rand/,
    );
    expect(() => algoFromSpec({ name: 'rand', options: { x: 1 } })).toThrow(/Unknown option "x"/);
    const impostor = makeSuggestAlgo('rand', {}, () => []);
    expect(() => registerAlgo(impostor)).toThrow(/already registered/);
    expect(() => algoToSpec(makeSuggestAlgo('unregistered', {}, () => []))).toThrow(/not registered/);
  });
});
