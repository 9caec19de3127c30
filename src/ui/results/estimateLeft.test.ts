import { describe, expect, it } from 'vitest';
import { ProgressModel } from '../../runtime/run/progress';
import { estimateLeftMs } from './ProgressView';

describe('estimateLeftMs', () => {
  it('paces a resumed run by the trials it ran itself, not the ones it started with', () => {
    const model = new ProgressModel(1, 30);
    const resumed = model.apply([
      { type: 'trialsResumed', trials: [{ tid: 0, outcome: 'ok', loss: 1, vals: { x: 1 } }], counted: 20 },
    ]);
    expect(resumed.finished).toBe(20);
    expect(estimateLeftMs(resumed, 1_000)).toBeUndefined();
    // Five more in a second: 5 left take another second.
    expect(estimateLeftMs({ ...resumed, finished: 25 }, 1_000)).toBe(1_000);
    expect(estimateLeftMs({ ...resumed, finished: 25, resumedFinished: 0 }, 1_000)).toBe(200);
  });
});
