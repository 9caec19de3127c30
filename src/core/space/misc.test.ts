import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index';
import { SpaceError, compileSpace, hp, miscToVals, sampleVals, valsToMisc } from './index';

const space = compileSpace({
  c: hp.choice('c', [
    { x: hp.uniform('x', 0, 1) },
    { y: hp.randint('y', 5), z: hp.choice('z', [0, hp.normal('w', 0, 1)]) },
  ]),
  top: hp.quniform('top', 0, 10, 1),
});

describe('valsToMisc / miscToVals', () => {
  it('lists every label: [tid]/[value] when active, [] when inactive', () => {
    expect(valsToMisc(space, 7, { c: 1, y: 3, z: 0, top: 4 })).toEqual({
      idxs: { c: [7], x: [], y: [7], z: [7], w: [], top: [7] },
      vals: { c: [1], x: [], y: [3], z: [0], w: [], top: [4] },
    });
  });

  it('keeps the label order of the space', () => {
    const misc = valsToMisc(space, 0, { c: 0, x: 0.5, top: 1 });
    expect(Object.keys(misc.idxs)).toEqual(['c', 'x', 'y', 'z', 'w', 'top']);
    expect(Object.keys(misc.vals)).toEqual(['c', 'x', 'y', 'z', 'w', 'top']);
  });

  it('drops values of inactive labels', () => {
    expect(valsToMisc(space, 1, { c: 0, x: 0.5, y: 2, top: 1 }).vals.y).toEqual([]);
  });

  it('rejects a missing active value and unknown labels, naming the label', () => {
    expect(() => valsToMisc(space, 0, { c: 0, top: 1 })).toThrow(
      "hp.uniform 'x': no value given for this active hyperparameter",
    );
    const error = (() => {
      try {
        valsToMisc(space, 0, { c: 0, x: 0.5, top: 1, typo: 1 });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(SpaceError);
    expect((error as SpaceError).label).toBe('typo');
  });

  it('miscToVals unpacks one-element lists and omits empty ones', () => {
    expect(miscToVals({ vals: { c: [1], x: [], y: [3], z: [1], w: [-0.5], top: [4] } })).toEqual({
      c: 1,
      y: 3,
      z: 1,
      w: -0.5,
      top: 4,
    });
  });

  it('round-trips sampled points', () => {
    const rng = createRng(12);
    for (let tid = 0; tid < 500; tid++) {
      const vals = sampleVals(space, rng);
      const misc = valsToMisc(space, tid, vals);
      expect(miscToVals(misc)).toEqual(vals);
      for (const label of Object.keys(misc.idxs))
        expect(misc.idxs[label]!.length).toBe(misc.vals[label]!.length);
    }
  });
});
