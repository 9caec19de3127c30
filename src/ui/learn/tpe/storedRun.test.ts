import { describe, expect, it } from 'vitest';
import { TPE_IMPROVED, type JsonValue } from '../../../core';
import type { RunView } from '../../../runtime/run/progress';
import type { RunRequest } from '../../../runtime/run/runRequest';
import { autologNames, playgroundTags, type Run } from '../../../tracking';
import { openTestStore } from '../../../tracking/testSupport';
import { fakeRuntime } from '../../tracking/fakeRuntime';
import { TrackedRuntime } from '../../tracking/trackedRuntime';
import { explainRunFromView } from './explainRun';
import { canExplainStored, explainStoredRun } from './storedRun';
import { expectExactReplays, poolRunView } from './testRuns';

/** Records a finished run's view the way the playground does (TrackedRuntime) and reads it back. */
async function storeView(view: RunView): Promise<{ parent: Run; children: Run[] }> {
  const store = await openTestStore();
  const exp = await store.createExperiment('Default');
  const { runtime, setRun } = fakeRuntime();
  const tracked = new TrackedRuntime(runtime, {
    store,
    experimentId: exp.id,
    onError: (error) => {
      throw error;
    },
    onStored: () => undefined,
  });
  const request = { space: view.spaceDocument, algo: view.algoSpec, maxQueueLen: 1 } as RunRequest;
  await tracked.startRun(request);
  tracked.start();
  setRun(view);
  for (let i = 0; i < 200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [parent] = await store.listRuns({ experimentId: exp.id, parentRunId: null });
    if (parent !== undefined && parent.status !== 'RUNNING') {
      tracked.dispose();
      return { parent, children: await store.listRuns({ parentRunId: parent.id }) };
    }
  }
  throw new Error('the run was not stored');
}

describe('a stored TPE run replays exactly as the run it records', () => {
  it('serial and in a pool of 4, faithful and improved TPE', async () => {
    for (const [options, parallelism] of [
      [undefined, 1],
      [undefined, 4],
      [{ ...(TPE_IMPROVED as Record<string, JsonValue>) }, 4],
    ] as const) {
      const view = await poolRunView(options, parallelism);
      const { parent, children } = await storeView(view);
      const stored = explainStoredRun(parent, children);
      expect(stored).toEqual(explainRunFromView(view));
      // Every trial and label is an exact reproduction; the faithful runs reach TPE's model phase.
      const modelled = expectExactReplays(stored);
      if (options === undefined) expect(modelled).toBeGreaterThan(5);
      expect(canExplainStored(parent, undefined)).toBe(true);
      expect(children.every((child) => canExplainStored(child, parent))).toBe(true);
      if (parallelism > 1) expect(stored.trials.some((t) => (t.suggest?.pending.length ?? 0) > 0)).toBe(true);
    }
  });
});

describe('explainStoredRun says why it cannot explain a run', () => {
  it('names the reason: older run, other algorithm, cut space, missing trial, malformed tags', async () => {
    const view = await poolRunView(undefined, 2);
    const { parent, children } = await storeView(view);
    const withTags = (run: Run, tags: Record<string, string | undefined>): Run => {
      const next = Object.entries({ ...run.tags, ...tags }).filter(
        (e): e is [string, string] => e[1] !== undefined,
      );
      return { ...run, tags: Object.fromEntries(next) };
    };
    const older = withTags(parent, { [playgroundTags.TAG_ALGO]: undefined });
    expect(() => explainStoredRun(older, children)).toThrow(/recorded before/);
    expect(canExplainStored(older, undefined)).toBe(false);
    const bare = children.map((c) => withTags(c, { [playgroundTags.TAG_SUGGEST]: undefined }));
    expect(() => explainStoredRun(parent, bare)).toThrow(/recorded before/);
    expect(canExplainStored(bare[0]!, parent)).toBe(false);

    const rand = withTags(parent, {
      [playgroundTags.TAG_ALGO]: playgroundTags.encodeAlgoTag({ name: 'rand', options: {} }),
    });
    expect(() => explainStoredRun(rand, children)).toThrow(/rand, not TPE/);
    expect(canExplainStored(rand, undefined)).toBe(false);
    const randOld = { ...older, params: { ...older.params, algo: 'hyperopt.rand' } };
    expect(() => explainStoredRun(randOld, children)).toThrow(/hyperopt.rand, not TPE/);

    const cut = withTags(parent, { space: autologNames.formatSpace(view.spaceDocument, 60) });
    expect(() => explainStoredRun(cut, children)).toThrow(/too large to store whole/);
    expect(() => explainStoredRun(parent, children, 999)).toThrow(/Trial 999 is not in this run/);
    expect(explainStoredRun(parent, children, 3).trials).toHaveLength(32);
    expect(() => explainStoredRun(children[0]!, [])).toThrow(/is a trial/);

    const broken = children.map((c, i) =>
      i === 5 ? withTags(c, { [playgroundTags.TAG_SUGGEST]: '{"v":1' }) : c,
    );
    expect(() => explainStoredRun(parent, broken)).toThrow(/cannot be read: .*not JSON/);
  });
});
