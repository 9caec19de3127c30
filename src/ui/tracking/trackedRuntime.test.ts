import { describe, expect, it } from 'vitest';
import type { RunView, TrialRow } from '../../runtime/run/progress';
import type { RunRequest } from '../../runtime/run/runRequest';
import { openTestStore } from '../../tracking/testSupport';
import { fakeRuntime } from './fakeRuntime';
import { DRAFT_ARTIFACT, TrackedRuntime } from './trackedRuntime';

function view(rows: TrialRow[], ended = false): RunView {
  const done = rows.filter((r) => r.status !== 'running' && r.status !== 'queued').length;
  return {
    runId: 1,
    phase: ended ? 'ended' : 'running',
    maxEvals: 2,
    trialsKind: 'WorkerTrials',
    parallelism: { requested: 2, actual: 2, cores: 2, warnings: [], sharesCores: false },
    algo: 'rand',
    startedAt: 1_000,
    running: rows.length - done,
    finished: done,
    best: undefined,
    rows,
    end: ended
      ? { stopReason: 'maxEvals', summary: { total: 2, succeeded: 2, failed: 0, cancelled: 0 }, elapsedMs: 5 }
      : undefined,
  };
}

const request = {
  version: 1,
  space: { x: 'doc' },
  objective: { source: '', language: 'javascript' },
  algo: { name: 'rand' },
  maxEvals: 2,
  trialsKind: 'WorkerTrials',
  maxQueueLen: 1,
  timeout: 30,
} as RunRequest;

/** A store with the Default experiment and a started TrackedRuntime over a fake runtime. */
async function recording() {
  const store = await openTestStore();
  const exp = await store.createExperiment('Default');
  const { runtime, setRun } = fakeRuntime();
  const tracked = new TrackedRuntime(runtime, {
    store,
    experimentId: exp.id,
    onError: () => undefined,
    onStored: () => undefined,
  });
  tracked.start();
  return { store, exp, setRun, tracked };
}

describe('TrackedRuntime', () => {
  it('shows a trial as done only once its child run is stored, and the run as ended once its parent is', async () => {
    const { store, exp, setRun, tracked } = await recording();
    await tracked.startRun(request);
    setRun(
      view([
        { tid: 0, status: 'ok', loss: 0.5, durationMs: 1, vals: { x: 1 } },
        { tid: 1, status: 'running' },
      ]),
    );
    const first = tracked.getState().run!;
    expect(first.rows[0]!.status).toBe('running');
    expect([first.finished, first.running]).toEqual([0, 2]);
    expect(tracked.getState()).toBe(tracked.getState());

    await new Promise((resolve) => setTimeout(resolve, 150));
    await store.pending();
    expect(tracked.getState().run!.rows[0]!.status).toBe('ok');
    const [parent] = await store.listRuns({ experimentId: exp.id, parentRunId: null });
    expect(parent!.params).toMatchObject({
      max_evals: '2',
      parallelism: '2',
      actual_parallelism: '2',
      timeout: '30',
      algo: 'hyperopt.rand',
      max_queue_len: '1',
    });

    setRun(
      view(
        [
          { tid: 0, status: 'ok', loss: 0.5, durationMs: 1, vals: { x: 1 } },
          { tid: 1, status: 'ok', loss: 0.25, durationMs: 1, vals: { x: 0.5 } },
        ],
        true,
      ),
    );
    expect(tracked.getState().run!.phase).toBe('running');
    await new Promise((resolve) => setTimeout(resolve, 150));
    await store.pending();
    expect(tracked.getState().run!.phase).toBe('ended');
    expect(await store.getRun(parent!.id)).toMatchObject({
      status: 'FINISHED',
      children: { finished: 2, bestLoss: 0.25 },
    });
    tracked.dispose();
  });

  it('stores the draft with a new parent, and continues a resumed parent without recording its old trials again', async () => {
    const { store, exp, setRun, tracked } = await recording();
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await store.pending();
    };
    const draft = { version: 1, space: 's', objective: 'o', settings: { maxEvals: '2' } };
    await tracked.startRun(request, { draft });
    const firstRows: TrialRow[] = [
      { tid: 0, status: 'ok', loss: 0.5, durationMs: 1, vals: { x: 1 } },
      { tid: 1, status: 'ok', loss: 0.25, durationMs: 1, vals: { x: 0.5 } },
    ];
    setRun(view(firstRows, true));
    await settle();
    const [parent] = await store.listRuns({ experimentId: exp.id, parentRunId: null });
    expect(await store.getArtifact(parent!.id, DRAFT_ARTIFACT)).toEqual({ kind: 'json', value: draft });

    await tracked.startRun({ ...request, maxEvals: 4 }, { resumeRunId: parent!.id });
    const resumed = firstRows.map((row) => ({ ...row, resumed: true as const }));
    setRun({ ...view([...resumed, { tid: 2, status: 'running' }]), runId: 2, maxEvals: 4 });
    await settle();
    // The old trials are durable already: shown as they are; the parent runs again.
    expect(tracked.getState().run!.rows.map((r) => r.status)).toEqual(['ok', 'ok', 'running']);
    expect((await store.getRun(parent!.id))!.status).toBe('RUNNING');
    const end = {
      stopReason: 'maxEvals',
      summary: { total: 4, succeeded: 4, failed: 0, cancelled: 0 },
      elapsedMs: 5,
    };
    const newRows: TrialRow[] = [
      { tid: 2, status: 'ok', loss: 0.1, durationMs: 1, vals: { x: 0.2 } },
      { tid: 3, status: 'ok', loss: 0.3, durationMs: 1, vals: { x: 0.6 } },
    ];
    setRun({ ...view([...resumed, ...newRows], true), runId: 2, maxEvals: 4, end });
    // Until the new trials are stored, the best shown is the best stored one: an old trial's.
    expect(tracked.getState().run!.best).toEqual({ tid: 1, loss: 0.25 });
    await settle();
    expect(tracked.getState().run!.phase).toBe('ended');
    expect(await store.listRuns({ experimentId: exp.id, parentRunId: null })).toHaveLength(1);
    const children = await store.listRuns({ parentRunId: parent!.id });
    expect(children.map((c) => c.trial!.tid).sort()).toEqual([0, 1, 2, 3]);
    expect(await store.getRun(parent!.id)).toMatchObject({
      status: 'FINISHED',
      params: { max_evals: '2' },
      tags: { 'playground.maxEvals': '4' },
      children: { total: 4, finished: 4, bestLoss: 0.1 },
    });
    tracked.dispose();
  });

  it('stops the run and reports when recording fails, then passes the state through', async () => {
    const store = await openTestStore();
    const exp = await store.createExperiment('Default');
    const { runtime, setRun, stops } = fakeRuntime();
    const errors: Error[] = [];
    store.close();
    const tracked = new TrackedRuntime(runtime, {
      store,
      experimentId: exp.id,
      onError: (e) => errors.push(e),
      onStored: () => undefined,
    });
    tracked.start();
    await tracked.startRun(request);
    setRun(view([{ tid: 0, status: 'ok', loss: 0.5, durationMs: 1, vals: { x: 1 } }]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors[0]?.message).toMatch(/closed: reload the page/);
    expect(stops).toEqual(['recording the run failed']);
    expect(tracked.getState().run!.rows[0]!.status).toBe('ok');
  });
});
