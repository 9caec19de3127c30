/**
 * Test support (imported only by *.test.ts files): a seeded TPE run through the runtime's real
 * driver over fake workers, folded into the RunView the playground shows.
 */
import { expect, vi } from 'vitest';
import { hp, toSpaceDocument, type JsonValue } from '../../../core';
import { createFakeFactory } from '../../../runtime/pool/fakeWorkers';
import type { RunEvent } from '../../../runtime/run/events';
import { executeRun } from '../../../runtime/run/executeRun';
import { ProgressModel, type RunView } from '../../../runtime/run/progress';
import { RUN_REQUEST_VERSION } from '../../../runtime/run/runRequest';
import { compileRunSpace, type ExplainRun } from './explainRun';
import { explainTrial } from './explainTrial';

/**
 * 32 trials of TPE (`options`, undefined for the defaults) in a pool of `parallelism`. Uneven
 * durations and a few failures, so each call sees a different set of pending trials.
 */
export async function poolRunView(
  options: Record<string, JsonValue> | undefined,
  parallelism = 4,
): Promise<RunView> {
  vi.useFakeTimers();
  try {
    const events: RunEvent[] = [];
    const factory = createFakeFactory({
      behave: (tid) =>
        tid % 7 === 3
          ? { do: 'throw', message: 'boom', delayMs: 3 }
          : { do: 'loss', loss: Math.sin(tid * 1.7) + tid / 40, delayMs: 1 + ((tid * 5) % 11) },
    });
    const space = { x: hp.uniform('x', -5, 5), c: hp.choice('c', [{ y: hp.normal('y', 0, 1) }, 'off']) };
    const handle = executeRun(
      {
        version: RUN_REQUEST_VERSION,
        space: toSpaceDocument(space),
        objective: { source: 'export default (p) => 0;', language: 'javascript' },
        algo: options === undefined ? { name: 'tpe' } : { name: 'tpe', options },
        maxEvals: 32,
        trialsKind: 'WorkerTrials',
        parallelism,
        maxQueueLen: 1,
        seed: 5,
      },
      {
        sandbox: Object.assign(factory, { configure: () => undefined }),
        hardwareConcurrency: 4,
        emit: (event) => events.push(event),
        now: () => Date.now(),
      },
    );
    let done = false;
    void handle.done.then(() => (done = true));
    for (let t = 0; t < 60_000 && !done; t += 5) await vi.advanceTimersByTimeAsync(5);
    return new ProgressModel(1, 32).apply(events);
  } finally {
    vi.useRealTimers();
  }
}

/** Every trial, explained for every label, replays exactly the values the run gave it. */
export function expectExactReplays(run: ExplainRun): number {
  const space = compileRunSpace(run);
  let tpePhase = 0;
  for (const trial of run.trials) {
    for (const param of space.params) {
      const e = explainTrial(run, space, trial.tid, param.label);
      if (typeof e === 'string') throw new Error(e);
      expect(e.differences, `trial ${trial.tid}, ${param.label}`).toEqual([]);
      expect(e.explanation.labelActive).toBe(param.label in trial.vals);
      if (e.explanation.phase === 'tpe' && e.explanation.model !== null) {
        expect(e.explanation.model.winner).toBe(trial.vals[param.label]);
        tpePhase++;
      }
    }
  }
  return tpePhase;
}
