import { describe, expect, it } from 'vitest';
import { compileSpace, hp } from '../../core';
import { summarizeSpace } from './spaceModel';

describe('summarizeSpace', () => {
  const space = compileSpace({
    lr: hp.loguniform('lr', Math.log(1e-4), Math.log(1)),
    model: hp.choice('model', [{ type: 'knn', k: hp.quniform('k', 1, 30, 1) }, { type: 'svm' }]),
  });
  const [lr, model, k] = summarizeSpace(space, 4000);

  it('describes each distribution in the user’s units, with its condition', () => {
    expect(lr!.distribution).toBe('log-uniform on [1.00e-4, 1]');
    expect(model!.distribution).toBe('choice of 2: knn {type, k} | svm {type}');
    expect(k!.distribution).toBe('uniform on [1, 30], step 1');
    expect(k!.condition).toBe('model is knn {type, k}');
  });

  it('draws histograms from the prior: log kinds flat on a log axis, conditionals only when active', () => {
    const counts = lr!.histogram.counts;
    expect(Math.min(...counts) / Math.max(...counts)).toBeGreaterThan(0.6);
    expect(lr!.histogram.labels[0]).toContain('log axis');
    expect(model!.histogram.counts.reduce((a, b) => a + b, 0)).toBe(4000);
    expect(k!.histogram.active).toBe(model!.histogram.counts[0]);
  });

  it('is the same picture for the same space (seeded)', () => {
    expect(summarizeSpace(space, 500)).toEqual(summarizeSpace(space, 500));
  });
});
