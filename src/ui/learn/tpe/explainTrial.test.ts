import { describe, expect, it } from 'vitest';
import { hp, TPE_IMPROVED, toSpaceDocument, type JsonValue } from '../../../core';
import { ProgressModel } from '../../../runtime/run/progress';
import { DEMO_SPACE, demoLoss } from './demoRun';
import { compileRunSpace, decodeExplainRun, explainRunFromView, type ExplainRun } from './explainRun';
import { explainTrial } from './explainTrial';
import { recordRun } from './recordRun';
import { expectExactReplays, poolRunView } from './testRuns';

describe('explainTrial replays the exact proposal of each trial', () => {
  it('for a serial seeded run (the demo), every trial and label', async () => {
    const run = await recordRun({
      space: DEMO_SPACE,
      fn: demoLoss,
      algo: { name: 'tpe' },
      maxEvals: 30,
      seed: 3,
    });
    expect(expectExactReplays(run)).toBeGreaterThan(10);
  });

  it('for other TPE settings and queue lengths (startup calls proposing several trials at once)', async () => {
    for (const options of [
      { gamma: 0.5, nStartupJobs: 5 },
      { nEICandidates: 3, nStartupJobs: 8 },
    ] as Record<string, JsonValue>[]) {
      const run = await recordRun({
        space: DEMO_SPACE,
        fn: demoLoss,
        algo: { name: 'tpe', options },
        maxEvals: 16,
        maxQueueLen: 3,
        seed: 11,
      });
      expectExactReplays(run);
    }
  });

  it('says what is missing instead of guessing', async () => {
    const run = await recordRun({
      space: DEMO_SPACE,
      fn: demoLoss,
      algo: { name: 'tpe' },
      maxEvals: 22,
      seed: 1,
    });
    const space = compileRunSpace(run);
    const { suggest: _dropped, ...bare } = run.trials[21]!;
    const noCall = { ...run, trials: [...run.trials.slice(0, 21), bare] };
    expect(explainTrial(noCall, space, 21, 'x')).toMatch(/not recorded/);
    expect(explainTrial({ ...run, trials: run.trials.filter((t) => t.tid !== 4) }, space, 21, 'x')).toMatch(
      /missing/,
    );
    expect(explainTrial(run, space, 99, 'x')).toMatch(/not in this run/);
  });
});

describe('a parallel playground run (driver events folded into the RunView)', () => {
  const parallelRun = async (options: Record<string, JsonValue> | undefined): Promise<ExplainRun> =>
    explainRunFromView(await poolRunView(options));

  it('replays every trial of a pool of 4 (pending trials included), faithful and improved TPE', async () => {
    const faithful = await parallelRun(undefined);
    expect(faithful.trials.some((t) => (t.suggest?.pending.length ?? 0) > 0)).toBe(true);
    expect(faithful.trials.some((t) => t.outcome === 'errored')).toBe(true);
    expect(expectExactReplays(faithful)).toBeGreaterThan(5);
    const improved = await parallelRun({ ...(TPE_IMPROVED as Record<string, JsonValue>) });
    const space = compileRunSpace(improved);
    for (const trial of improved.trials) {
      const e = explainTrial(improved, space, trial.tid, 'x');
      if (typeof e === 'string') throw new Error(e);
      expect(e.differences).toEqual([]);
    }
  });

  it('refuses runs of other algorithms, and malformed records', () => {
    const model = new ProgressModel(1, 1);
    const view = model.apply([
      {
        type: 'runStarted',
        startedAt: 0,
        maxEvals: 1,
        trialsKind: 'Trials',
        parallelism: { requested: 1, actual: 1, warnings: [], sharesCores: false } as never,
        timeout: undefined,
        perTrialTimeout: undefined,
        algo: 'rand',
        algoSpec: { name: 'rand' },
        spaceDocument: toSpaceDocument({ x: hp.uniform('x', 0, 1) }),
      },
    ]);
    expect(() => explainRunFromView(view)).toThrow(/rand, not TPE/);
    expect(() =>
      decodeExplainRun({ v: 1, options: {}, trials: [{ tid: 1, vals: {}, outcome: 'ok' }, { tid: 0 }] }),
    ).toThrow(/out of order/);
    expect(() =>
      decodeExplainRun({ v: 1, options: {}, trials: [{ tid: 0, vals: { x: 'a' }, outcome: 'ok' }] }),
    ).toThrow(/not numbers/);
    expect(() =>
      decodeExplainRun({
        v: 1,
        options: {},
        trials: [{ tid: 0, vals: {}, outcome: 'ok', suggest: { seed: 1, firstTid: 0, pending: [3] } }],
      }),
    ).toThrow(/malformed/);
  });
});
