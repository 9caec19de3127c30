import { describe, expect, it } from 'vitest';
import { accuracy, makeBlobs, makeClassification, makeMoons, trainTestSplit } from './index';

describe('dataset generators', () => {
  it('are deterministic for a seed and differ across seeds', () => {
    expect(makeMoons({ nSamples: 50, noise: 0.1, seed: 3 })).toEqual(
      makeMoons({ nSamples: 50, noise: 0.1, seed: 3 }),
    );
    expect(makeMoons({ nSamples: 50, noise: 0.1, seed: 3 })).not.toEqual(
      makeMoons({ nSamples: 50, noise: 0.1, seed: 4 }),
    );
    expect(makeBlobs({ seed: 1 })).toEqual(makeBlobs({ seed: 1 }));
    expect(makeClassification({ seed: 9 })).toEqual(makeClassification({ seed: 9 }));
  });

  it('have the requested shapes and balanced labels', () => {
    const moons = makeMoons({ nSamples: 101 });
    expect(moons.X).toHaveLength(101);
    expect(moons.X.every((row) => row.length === 2)).toBe(true);
    expect(moons.y.filter((l) => l === 0)).toHaveLength(50);
    const blobs = makeBlobs({ nSamples: 90, centers: 3, nFeatures: 5 });
    expect(blobs.X.every((row) => row.length === 5)).toBe(true);
    expect(new Set(blobs.y)).toEqual(new Set([0, 1, 2]));
    expect(blobs.y.filter((l) => l === 2)).toHaveLength(30);
    const cls = makeClassification({ nSamples: 60, nFeatures: 6, nInformative: 3, nClasses: 4 });
    expect(cls.X.every((row) => row.length === 6)).toBe(true);
    expect(new Set(cls.y)).toEqual(new Set([0, 1, 2, 3]));
  });

  it('puts noiseless moons on their half circles', () => {
    const { X, y } = makeMoons({ nSamples: 20 });
    X.forEach(([a, b], i) => {
      const r = y[i] === 0 ? Math.hypot(a!, b!) : Math.hypot(a! - 1, b! - 0.5);
      expect(r).toBeCloseTo(1, 12);
    });
  });

  it('splits without losing or duplicating samples', () => {
    const data = makeBlobs({ nSamples: 40 });
    const { train, test } = trainTestSplit(data, { testSize: 0.25, seed: 2 });
    expect(test.X).toHaveLength(10);
    expect(train.X).toHaveLength(30);
    const key = (row: number[]) => row.join(',');
    expect(new Set([...train.X, ...test.X].map(key))).toEqual(new Set(data.X.map(key)));
    expect(accuracy([1, 0, 1, 1], [1, 1, 1, 0])).toBe(0.5);
  });

  it('rejects impossible arguments with the function and option named', () => {
    expect(() => makeMoons({ nSamples: 1 })).toThrow('makeMoons: nSamples must be an integer >= 2');
    expect(() => makeClassification({ nInformative: 1, nClasses: 3 })).toThrow(
      'nClasses must be <= 2 ** nInformative',
    );
    expect(() => accuracy([], [])).toThrow(RangeError);
  });
});
