import { describe, expect, it } from 'vitest';
import { Trials } from './trials';
import { AllTrialsFailed, InvalidTrial } from './errors';
import { newTrialDoc } from './docs';
import { summarizeTrials } from './summary';
import { JOB_STATE_CANCEL, JOB_STATE_DONE, JOB_STATE_ERROR, JOB_STATE_NEW, JOB_STATE_RUNNING } from './types';
import type { TrialDoc, TrialResult } from './types';

/** A doc with one active label `x` (and an inactive `y`). */
function doc(
  tid: number,
  result?: TrialResult,
  state: TrialDoc['state'] = result ? JOB_STATE_DONE : JOB_STATE_NEW,
): TrialDoc {
  const d = newTrialDoc(tid, { idxs: { x: [tid], y: [] }, vals: { x: [tid / 10], y: [] } });
  if (result) d.result = result;
  d.state = state;
  return d;
}

/** A store with tids 0..n-1 completed with the given losses. */
function withLosses(losses: number[]): Trials {
  const trials = new Trials();
  const ids = trials.newTrialIds(losses.length);
  trials.insertTrialDocs(ids.map((tid) => doc(tid)));
  losses.forEach((loss, tid) => {
    trials.startTrial(tid, 1000 + tid);
    trials.completeTrial(tid, { status: 'ok', loss }, 2000 + tid);
  });
  return trials;
}

describe('Trials: ids and insertion', () => {
  it('hands out consecutive tids and continues after inserted ones', () => {
    const trials = new Trials();
    expect(trials.newTrialIds(3)).toEqual([0, 1, 2]);
    expect(trials.newTrialIds(0)).toEqual([]);
    trials.insertTrialDocs([doc(10)]);
    expect(trials.newTrialIds(2)).toEqual([11, 12]);
    expect(() => trials.newTrialIds(-1)).toThrow(RangeError);
  });

  it('keeps documents in tid order even when inserted out of order', () => {
    const trials = new Trials();
    trials.insertTrialDocs([doc(2), doc(0)]);
    trials.insertTrialDoc(doc(1));
    expect(trials.tids).toEqual([0, 1, 2]);
    expect(trials.allTrials.map((d) => d.tid)).toEqual([0, 1, 2]);
  });

  it('validates and copies documents, naming the bad field', () => {
    const trials = new Trials();
    const bad = doc(0);
    bad.misc.tid = 5;
    expect(() => trials.insertTrialDocs([bad])).toThrow(/docs\[0\]\.misc\.tid must equal/);
    expect(() => trials.insertTrialDocs([{ ...doc(0), state: 9 as never }])).toThrow(InvalidTrial);
    const good = doc(0);
    trials.insertTrialDoc(good);
    good.misc.vals['x'] = [99];
    expect(trials.trials[0]!.misc.vals['x']).toEqual([0]);
    expect(() => trials.insertTrialDoc(doc(0))).toThrow(/tid 0 already exists/);
    expect(() => trials.insertTrialDocs([doc(3), doc(3)])).toThrow(/tid 3 already exists/);
  });

  it("rejects documents of another expKey (Hyperopt's assert_valid_trial)", () => {
    const trials = new Trials({ expKey: 'exp' });
    expect(() => trials.insertTrialDoc(doc(0))).toThrow(/expKey/);
    trials.insertTrialDoc({ ...doc(0), expKey: 'exp' });
    expect(trials.length).toBe(1);
  });

  it('is a serial (not asynchronous) store and iterates its valid documents', () => {
    const trials = withLosses([3, 1]);
    expect(trials.asynchronous).toBe(false);
    expect([...trials].map((d) => d.tid)).toEqual([0, 1]);
  });
});

describe('Trials: views and queries', () => {
  it('hides ERROR and CANCEL documents from trials/length but keeps them in allTrials', () => {
    const trials = new Trials();
    trials.insertTrialDocs([doc(0), doc(1), doc(2), doc(3)]);
    trials.startTrial(0, 1);
    trials.failTrial(0, ['ValueError', 'boom'], 2);
    trials.cancelTrial(1, 'timeout', 3);
    trials.startTrial(2, 4);
    expect(trials.length).toBe(2);
    expect(trials.tids).toEqual([2, 3]);
    expect(trials.allTrials.map((d) => d.state)).toEqual([
      JOB_STATE_ERROR,
      JOB_STATE_CANCEL,
      JOB_STATE_RUNNING,
      JOB_STATE_NEW,
    ]);
    expect(trials.countByStateUnsynced(JOB_STATE_NEW)).toBe(1);
    expect(trials.countByStateUnsynced([JOB_STATE_NEW, JOB_STATE_RUNNING])).toBe(2);
    expect(trials.countByStateUnsynced([JOB_STATE_ERROR, JOB_STATE_CANCEL])).toBe(2);
  });

  it('lists results, losses (null when absent), statuses, specs, miscs', () => {
    const trials = withLosses([3, 1]);
    trials.insertTrialDoc(doc(2, { status: 'fail', note: 'diverged' }));
    trials.insertTrialDoc(doc(3));
    expect(trials.losses()).toEqual([3, 1, null, null]);
    expect(trials.statuses()).toEqual(['ok', 'ok', 'fail', 'new']);
    expect(trials.results[2]).toEqual({ status: 'fail', note: 'diverged' });
    expect(trials.specs).toEqual([null, null, null, null]);
    expect(trials.miscs.map((m) => m.tid)).toEqual([0, 1, 2, 3]);
  });

  it("concatenates idxs and vals per label (Hyperopt's idxs_vals)", () => {
    const trials = withLosses([3, 1]);
    expect(trials.idxsVals()).toEqual({ idxs: { x: [0, 1], y: [] }, vals: { x: [0, 0.1], y: [] } });
  });

  it('records times and states through the transitions', () => {
    const trials = new Trials();
    trials.insertTrialDoc(doc(0));
    const started = trials.startTrial(0, 100);
    expect([started.state, started.bookTime, started.refreshTime]).toEqual([JOB_STATE_RUNNING, 100, 100]);
    const done = trials.completeTrial(0, { status: 'ok', loss: 2 }, 150);
    expect([done.state, done.bookTime, done.refreshTime, done.result]).toEqual([
      JOB_STATE_DONE,
      100,
      150,
      { status: 'ok', loss: 2 },
    ]);
    expect(() => trials.startTrial(0, 200)).toThrow(/trial 0 is DONE and cannot become RUNNING/);
    expect(() => trials.completeTrial(7, { status: 'ok', loss: 1 }, 1)).toThrow(/no trial with tid 7/);
  });

  it('puts the reason of failures and cancellations in misc.error and result.error', () => {
    const trials = new Trials();
    trials.insertTrialDocs([doc(0), doc(1)]);
    const failed = trials.failTrial(0, ['TypeError', 'bad'], 5);
    expect(failed.misc.error).toEqual(['TypeError', 'bad']);
    expect(failed.result).toEqual({ status: 'fail', error: 'TypeError: bad' });
    const cancelled = trials.cancelTrial(1, 'fmin timeout', 6);
    expect(cancelled.misc.error).toEqual(['Cancelled', 'fmin timeout']);
    expect(cancelled.result.error).toBe('cancelled: fmin timeout');
  });
});

describe('Trials: best trial and argmin', () => {
  it('picks the lowest ok loss, the first one on ties', () => {
    const trials = withLosses([3, 1, 2, 1]);
    expect(trials.bestTrial.tid).toBe(1);
    expect(trials.bestLoss).toBe(1);
  });

  it('ignores failed statuses, NaN losses and hidden documents', () => {
    const trials = new Trials();
    trials.insertTrialDocs([doc(0, { status: 'fail', loss: -5 }), doc(1, { status: 'ok', loss: 4 })]);
    trials.insertTrialDocs([doc(2, { status: 'ok', loss: Number.NaN })], false);
    expect(trials.bestTrial.tid).toBe(1);
    trials.insertTrialDoc(doc(3));
    trials.completeTrial(3, { status: 'ok', loss: 1 }, 1);
    expect(trials.bestTrial.tid).toBe(3);
  });

  it('throws AllTrialsFailed when no trial succeeded', () => {
    const trials = new Trials();
    expect(() => trials.bestTrial).toThrow(AllTrialsFailed);
    trials.insertTrialDoc(doc(0, { status: 'fail' }));
    expect(() => trials.argmin).toThrow(AllTrialsFailed);
    expect(trials.bestLoss).toBeUndefined();
  });

  it('unpacks one-element lists and omits inactive labels in argmin', () => {
    const trials = withLosses([3, 1]);
    expect(trials.argmin).toEqual({ x: 0.1 });
  });

  it('tracks the trial that finished last', () => {
    const trials = withLosses([3, 1]);
    expect(trials.lastFinished?.tid).toBe(1);
    trials.insertTrialDocs([doc(2), doc(3)]);
    trials.completeTrial(3, { status: 'ok', loss: 9 }, 1);
    trials.completeTrial(2, { status: 'ok', loss: 9 }, 2);
    expect(trials.lastFinished?.tid).toBe(2);
  });
});

describe('Trials: attachments, refresh, deleteAll, summary', () => {
  it('keeps global and per-trial attachments', () => {
    const trials = withLosses([1]);
    trials.attachments['note'] = 'global';
    trials.trialAttachments(0)['weights'] = [1, 2];
    expect(trials.trialAttachments(0)).toEqual({ weights: [1, 2] });
    expect(trials.attachments).toEqual({ note: 'global' });
    expect(() => trials.trialAttachments(5)).toThrow(/no trial with tid 5/);
  });

  it('rebuilds aggregates on refresh after documents were edited by hand', () => {
    const trials = withLosses([3, 1]);
    (trials.allTrials[0] as TrialDoc).result.loss = 0;
    trials.refresh();
    expect(trials.bestTrial.tid).toBe(0);
    expect(trials.newTrialIds(1)).toEqual([2]);
  });

  it('deletes everything', () => {
    const trials = withLosses([3, 1]);
    trials.attachments['a'] = 1;
    trials.deleteAll();
    expect([trials.length, trials.allTrials.length, trials.newTrialIds(1)[0], trials.attachments]).toEqual([
      0,
      0,
      0,
      {},
    ]);
    expect(trials.bestLoss).toBeUndefined();
  });

  it('summarizes like SparkTrials: succeeded, failed, cancelled', () => {
    const trials = withLosses([3, 1]);
    trials.insertTrialDocs([doc(2, { status: 'fail' }), doc(3), doc(4), doc(5)]);
    trials.failTrial(3, ['Error', 'x'], 1);
    trials.cancelTrial(4, 'stop', 1);
    expect(summarizeTrials(trials)).toEqual({ total: 6, succeeded: 2, failed: 2, cancelled: 1, pending: 1 });
  });
});
