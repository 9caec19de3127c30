import { describe, expect, it } from 'vitest';
import { JOB_STATE_CANCEL, hp, rand, toSpaceDocument, type JsonValue } from '../../core';
import { FminTracker, WriteBatcher } from '../../tracking';
import { trackedFmin } from '../../tracking/fmin/testEvents';
import { manualClock, openTestStore } from '../../tracking/testSupport';
import { exampleDraft } from '../draft/draft';
import { draftUnavailable, readRunDraft } from '../history/actions/runDraft';
import { DRAFT_ARTIFACT } from '../tracking/trackedRuntime';
import { prepareResume } from './resumeRequest';

const space = { x: hp.uniform('x', -5, 5) };
const evaluateSpace = async () => ({ ok: true as const, document: toSpaceDocument(space) });
const fn = (p: { x: number }) => p.x ** 2;
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as JsonValue;

/** A recorded run of `n` trials, killed with one more running, optionally with its draft. */
async function recorded(n: number, withDraft = true) {
  const clock = manualClock();
  const store = await openTestStore({ clock });
  const exp = await store.createExperiment('Default');
  const draft = exampleDraft(undefined, 2);
  const tracker = new FminTracker({
    store,
    experimentId: exp.id,
    batcher: new WriteBatcher(store, (flush) => setTimeout(flush, 0)),
    ...(withDraft
      ? {
          parentArtifacts: [{ name: DRAFT_ARTIFACT, content: { kind: 'json' as const, value: json(draft) } }],
        }
      : {}),
  });
  await trackedFmin(tracker, { fn, space, algo: rand.suggest, maxEvals: n, seed: 5 }, clock, false);
  await tracker.handle({ type: 'trialStarted', tid: n, time: clock() });
  await store.endRun(tracker.parentRunId!, 'KILLED', { reason: 'interrupted' });
  const run = (await store.getRun(tracker.parentRunId!))!;
  return { store, run, draft };
}

describe('the stored draft of a run', () => {
  it('decodes with the draft decode function, and is unavailable (with the reason) when there is none', async () => {
    const { store, run, draft } = await recorded(3);
    expect(draftUnavailable(run)).toBeUndefined();
    expect(await readRunDraft(store, run, 2)).toEqual(draft);
    const [child] = await store.listRuns({ parentRunId: run.id });
    expect(draftUnavailable(child!)).toMatch(/^Open its parent run/);

    const old = await recorded(3, false);
    expect(draftUnavailable(old.run)).toMatch(/has no stored playground code/);
    await expect(readRunDraft(old.store, old.run, 2)).rejects.toThrow(/has no stored playground code/);
  });

  it('says why a stored draft cannot be opened', async () => {
    const { store, run } = await recorded(2);
    await store.reopenRun(run.id);
    await store.write([
      {
        id: run.id,
        artifacts: [{ name: DRAFT_ARTIFACT, content: { kind: 'json', value: { version: 99 } } }],
      },
    ]);
    await expect(readRunDraft(store, run, 2)).rejects.toThrow(
      /^The run’s stored playground code cannot be opened: It was made by a newer version/,
    );
  });
});

describe('prepareResume', () => {
  it('sends the run’s trials with its draft at the new max evals', async () => {
    const { store, run, draft } = await recorded(4);
    const prepared = await prepareResume(store, { evaluateSpace }, run, 9, 2);
    expect(prepared.draft).toEqual({ ...draft, settings: { ...draft.settings, maxEvals: '9' } });
    expect(prepared.request).toMatchObject({ maxEvals: 9, objective: { source: draft.objective } });
    const trials = prepared.request.resume!.trials;
    expect(trials.map((d) => d.tid)).toEqual([0, 1, 2, 3, 4]);
    // The trial left running when the run was killed comes back cancelled (not counted, run again).
    expect(trials[4]!.state).toBe(JOB_STATE_CANCEL);
    expect(prepared.space.params.map((p) => p.label)).toEqual(['x']);
  });

  it('resumes a run ended by Stop: FINISHED, its cancelled trials sent back cancelled (not counted)', async () => {
    const clock = manualClock();
    const store = await openTestStore({ clock });
    const exp = await store.createExperiment('Default');
    const tracker = new FminTracker({
      store,
      experimentId: exp.id,
      parentArtifacts: [{ name: DRAFT_ARTIFACT, content: { kind: 'json', value: json(exampleDraft()) } }],
    });
    await trackedFmin(tracker, { fn, space, algo: rand.suggest, maxEvals: 3, seed: 5 }, clock, false);
    // Stop: the running trial ends cancelled, fmin returns 'aborted', the parent ends FINISHED.
    await tracker.handle({ type: 'trialStarted', tid: 3, time: clock() });
    const reason = { type: 'Cancelled', message: 'aborted: stopped by the user' };
    await tracker.handle({
      type: 'trialEnded',
      tid: 3,
      time: clock(),
      outcome: 'cancelled',
      durationMs: 1,
      vals: { x: 0.5 },
      error: reason,
    });
    const summary = { total: 4, succeeded: 3, failed: 0, cancelled: 1 };
    await tracker.handle({ type: 'fminEnded', time: clock(), stopReason: 'aborted', summary });
    const run = (await store.getRun(tracker.parentRunId!))!;
    expect(run.status).toBe('FINISHED');
    const prepared = await prepareResume(store, { evaluateSpace }, run, 5, 2);
    expect(prepared.request.resume!.trials.map((d) => d.state)).toEqual([2, 2, 2, JOB_STATE_CANCEL]);
    await expect(prepareResume(store, { evaluateSpace }, run, 3, 2)).rejects.toThrow(
      'larger than the 3 trials the run has',
    );
  });

  it('refuses a max evals the run has reached, a running run and a run without its draft', async () => {
    const { store, run } = await recorded(4);
    await expect(prepareResume(store, { evaluateSpace }, run, 4, 2)).rejects.toThrow(
      'New max evals must be larger than the 4 trials the run has.',
    );
    await expect(
      prepareResume(store, { evaluateSpace }, { ...run, status: 'RUNNING' }, 9, 2),
    ).rejects.toThrow(/is still running: only an ended run can be resumed/);
    const old = await recorded(2, false);
    await expect(prepareResume(old.store, { evaluateSpace }, old.run, 9, 2)).rejects.toThrow(
      /has no stored playground code/,
    );
    const broken = async () => ({ ok: false as const, message: 'SyntaxError at line 2' });
    await expect(prepareResume(store, { evaluateSpace: broken }, run, 9, 2)).rejects.toThrow(
      'The run’s search space does not evaluate: SyntaxError at line 2',
    );
  });
});
