import { describe, expect, it } from 'vitest';
import { JOB_STATE_CANCEL, JOB_STATE_DONE, hp, rand } from '../../core';
import { Liveness } from '../liveness';
import { manualClock, openTestStore } from '../testSupport';
import { TAG_END_REASON } from '../types';
import { WriteBatcher } from '../writeBatcher';
import { FminTracker } from './fminTracker';
import { loadTrials } from './loadTrials';
import { trackedFmin } from './testEvents';

const space = {
  x: hp.uniform('x', -5, 5),
  opt: hp.choice('opt', [{ a: hp.uniform('a', 0, 1) }, { b: hp.normal('b', 0, 1) }]),
};
const fn = (c: { x: number }) => c.x ** 2;

describe('resume: loadTrials rebuilds Trials so that core fmin continues the same parent', () => {
  it('continues an interrupted run to a new maxEvals, adding children to the same parent', async () => {
    const clock = manualClock();
    const store = await openTestStore({ clock });
    const exp = await store.createExperiment('e');
    const batcher = new WriteBatcher(store, (flush) => setTimeout(flush, 0));
    const draft = { version: 1, space: 'export default {}', objective: 'export default () => 1' };
    const first = new FminTracker({
      store,
      experimentId: exp.id,
      batcher,
      fminUuid: () => 'aaaaaa',
      parentArtifacts: [{ name: 'playground/draft.json', content: { kind: 'json', value: draft } }],
    });
    // The tab dies mid-run: five trials are durable, a sixth is running, fmin never ends.
    await trackedFmin(first, { fn, space, algo: rand.suggest, maxEvals: 5, seed: 7 }, clock, false);
    await first.handle({ type: 'trialStarted', tid: 5, time: clock() });
    const parentId = first.parentRunId!;
    // The draft was written with the parent's creation.
    expect(await store.getArtifact(parentId, 'playground/draft.json')).toEqual({
      kind: 'json',
      value: draft,
    });

    // Next load: no heartbeat for a minute, so the run is dead.
    clock.advance(60_000);
    const ended = await new Liveness(store, { locks: null, clock }).reap();
    expect(ended.sort()).toHaveLength(2);
    expect(await store.getRun(parentId)).toMatchObject({
      status: 'KILLED',
      tags: { [TAG_END_REASON]: 'interrupted' },
    });

    const trials = await loadTrials(store, parentId, { space });
    expect(trials.length).toBe(5);
    expect(trials.allTrials.map((d) => d.state)).toEqual([
      ...Array(5).fill(JOB_STATE_DONE),
      JOB_STATE_CANCEL,
    ]);
    // Every label is present as fmin writes it (inactive conditional labels as []).
    expect(Object.keys(trials.allTrials[0]!.misc.vals).sort()).toEqual(['a', 'b', 'opt', 'x']);

    const second = new FminTracker({
      store,
      experimentId: exp.id,
      batcher,
      resumeRunId: parentId,
      fminUuid: () => 'bbbbbb',
      parentArtifacts: [
        { name: 'playground/draft.json', content: { kind: 'json', value: { ...draft, n: 12 } } },
      ],
    });
    await trackedFmin(second, { fn, space, algo: rand.suggest, maxEvals: 12, seed: 8, trials }, clock);
    expect(second.parentRunId).toBe(parentId);
    const parent = (await store.getRun(parentId))!;
    expect(parent.status).toBe('FINISHED');
    // Params are write-once: the first max evals stays, the new one is suffixed; the tag says which holds.
    expect(parent.params).toMatchObject({ max_evals: '5', max_evals_bbbbbb: '12' });
    expect(parent.tags).toMatchObject({ 'playground.maxEvals': '12', fmin_uuid_bbbbbb: 'bbbbbb' });
    expect((await store.listRuns({ parentRunId: null })).map((r) => r.id)).toEqual([parentId]);
    // The draft it was resumed with replaces the one it was created with.
    expect(await store.getArtifact(parentId, 'playground/draft.json')).toEqual({
      kind: 'json',
      value: { ...draft, n: 12 },
    });
    expect(parent.children).toMatchObject({ total: 13, finished: 12, killed: 1 });

    const again = await loadTrials(store, parentId, { space });
    expect(again.length).toBe(12);
    expect(again.tids).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]);
    expect(again.bestLoss).toBe(parent.metrics['best_trial_loss']!.value);
  });

  it('refuses to guess between fmin calls that reused the same tids, and takes one by fminUuid', async () => {
    const clock = manualClock();
    const store = await openTestStore({ clock });
    const exp = await store.createExperiment('e');
    const parent = await store.createRun({
      experimentId: exp.id,
      parentRunId: null,
      name: 'p',
      startTime: 0,
    });
    const uuids = ['aaaaaa', 'bbbbbb'];
    for (let i = 0; i < 2; i++) {
      const t = new FminTracker({
        store,
        experimentId: exp.id,
        activeRun: parent,
        fminUuid: () => uuids[i]!,
        batcher: new WriteBatcher(store, (f) => setTimeout(f, 0)),
      });
      await trackedFmin(t, { fn, space, algo: rand.suggest, maxEvals: 3, seed: i }, clock);
    }
    await expect(loadTrials(store, parent.id)).rejects.toThrow(
      /several fmin calls \(fmin_uuid .*\); choose one with fminUuid/,
    );
    expect((await loadTrials(store, parent.id, { fminUuid: 'bbbbbb' })).length).toBe(3);
  });
});
