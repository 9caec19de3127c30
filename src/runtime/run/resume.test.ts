import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  JOB_STATE_CANCEL,
  JOB_STATE_RUNNING,
  Trials,
  compileSpace,
  createRng,
  fmin,
  hp,
  newTrialDoc,
  rand,
  seedFromRng,
  toSpaceDocument,
  tpe,
  type TrialDoc,
} from '../../core';
import { createFakeFactory } from '../pool/fakeWorkers';
import type { RunEvent } from './events';
import { executeRun, type RunHandle } from './executeRun';
import { ProgressModel } from './progress';
import { MAX_RESUMED_TRIALS, decodeResume, resumedTrialDocs, seedOption, toResumeState } from './resume';
import { RUN_REQUEST_VERSION, RunRequestError, decodeRunRequest, type RunRequest } from './runRequest';

const space = {
  x: hp.uniform('x', -5, 5),
  opt: hp.choice('opt', [{ a: hp.uniform('a', 0, 1) }, { b: hp.normal('b', 0, 1) }]),
};
const compiled = compileSpace(space);
const fn = (p: { x: number }) => p.x ** 2;

/** The Trials of a finished run of `n` trials, plus a trial cancelled while running. */
async function previousRun(n: number, seed = 3): Promise<Trials> {
  const trials = new Trials();
  await fmin({ fn, space, algo: rand.suggest, maxEvals: n, trials, seed });
  const running = newTrialDoc(n, { idxs: {}, vals: {} });
  running.state = JOB_STATE_RUNNING;
  trials.insertTrialDocs([running]);
  trials.cancelTrial(n, 'interrupted', 0);
  return trials;
}

const request = (change: Partial<RunRequest> = {}): RunRequest => ({
  version: RUN_REQUEST_VERSION,
  space: toSpaceDocument(space),
  objective: { source: 'export default (p) => p.x ** 2;', language: 'javascript' },
  algo: { name: 'tpe' },
  maxEvals: 10,
  trialsKind: 'Trials',
  maxQueueLen: 1,
  seed: 11,
  ...change,
});

const problem = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RunRequestError);
    return (error as Error).message;
  }
  throw new Error('expected a RunRequestError');
};

describe('the resume field of a run request', () => {
  it('round-trips the ended trials of a run as compact JSON documents', async () => {
    const trials = await previousRun(5);
    const state = toResumeState(trials.allTrials);
    const wire = JSON.parse(JSON.stringify(state)) as unknown;
    const decoded = decodeRunRequest({ ...request({ maxEvals: 8 }), resume: wire }).resume!;
    expect(decoded.trials.map((d) => [d.tid, d.state])).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
      [3, 2],
      [4, 2],
      [5, JOB_STATE_CANCEL],
    ]);
    expect(decoded.trials[0]!.result).toEqual({ status: 'ok', loss: trials.allTrials[0]!.result.loss });
    expect(decoded.trials[5]!.misc.error).toEqual(['Cancelled', 'interrupted']);
  });

  it('names what is wrong, and refuses a max evals the run has already reached', async () => {
    const docs = toResumeState((await previousRun(5)).allTrials).trials;
    const withResume =
      (resume: unknown, maxEvals = 8) =>
      () =>
        decodeRunRequest({ ...request({ maxEvals }), resume });
    expect(problem(withResume({ version: 2, trials: [] }))).toBe(
      'resume.version must be 1 (got 2); reload the page.',
    );
    expect(problem(withResume({ version: 1, trials: {} }))).toBe('resume.trials must be an array of trials.');
    expect(problem(withResume({ version: 1, trials: [docs[0], { ...docs[1]!, tid: 0 }] }))).toMatch(
      /^resume.trials\[1\]\.(tid repeats tid 0|misc.tid must equal)/,
    );
    const dup = { ...docs[1]!, tid: 0, misc: { ...docs[1]!.misc, tid: 0, idxs: { x: [0] } } };
    expect(problem(withResume({ version: 1, trials: [docs[0], { ...dup, misc: docs[0]!.misc }] }))).toBe(
      'resume.trials[1].tid repeats tid 0.',
    );
    expect(problem(withResume({ version: 1, trials: [{ ...docs[0]!, state: JOB_STATE_RUNNING }] }))).toMatch(
      /^resume.trials\[0\]\.state must be DONE, ERROR or CANCEL/,
    );
    expect(
      problem(withResume({ version: 1, trials: [{ ...docs[0]!, result: { status: 'ok', loss: 'x' } }] })),
    ).toMatch(/^resume.trials\[0\]\.result.loss must be a finite number/);
    expect(problem(withResume({ version: 1, trials: new Array(MAX_RESUMED_TRIALS + 1) }))).toMatch(
      /^resume.trials holds 1000001 trials, more than the 1,000,000/,
    );
    // Five trials are done (the cancelled one does not count): five is no continuation.
    expect(problem(withResume({ version: 1, trials: docs }, 5))).toBe(
      'maxEvals must be larger than the 5 trials the run already has to continue it (got 5).',
    );
    expect(decodeResume({ version: 1, trials: docs }).trials).toHaveLength(6);
  });

  it('checks the trials against the space: unknown labels and choice indices are named', async () => {
    const docs = toResumeState((await previousRun(3)).allTrials);
    const other = compileSpace({ y: hp.uniform('y', 0, 1) });
    expect(problem(() => resumedTrialDocs(docs, other))).toMatch(
      /^resume.trials\[0\] \(trial 0\) does not fit the run's space: vals\.(x|opt|a|b) is not a hyperparameter of the space/,
    );
    const bad = structuredClone(docs);
    bad.trials[1]!.misc.vals['opt'] = [7];
    expect(problem(() => resumedTrialDocs(bad, compiled))).toMatch(
      /^resume.trials\[1\] \(trial 1\) does not fit the run's space: vals.opt must be an option index 0..1 \(got 7\)/,
    );
    // The cancelled trial never reported its point: every label inactive, as fmin writes them.
    const seeded = resumedTrialDocs(docs, compiled);
    expect(seeded[3]!.misc.vals).toEqual({ x: [], opt: [], a: [], b: [] });
    expect(Object.keys(seeded[0]!.misc.vals).sort()).toEqual(['a', 'b', 'opt', 'x']);
  });

  it('continues a seed stream: one draw skipped per previous trial', () => {
    expect(seedOption(undefined, 4)).toEqual({});
    expect(seedOption(9, 0)).toEqual({ seed: 9 });
    const option = seedOption(9, 3) as { rstate: ReturnType<typeof createRng> };
    const stream = createRng(9);
    const draws = [0, 1, 2, 3].map(() => seedFromRng(stream));
    expect(seedFromRng(option.rstate)).toBe(draws[3]);
  });
});

describe('executeRun with resume', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function start(change: Partial<RunRequest>) {
    const events: RunEvent[] = [];
    const factory = createFakeFactory({ behave: (tid) => ({ do: 'loss', loss: 100 - tid, delayMs: 1 }) });
    const handle = executeRun(request(change), {
      sandbox: Object.assign(factory, { configure: () => undefined }),
      hardwareConcurrency: 2,
      emit: (event) => events.push(event),
      now: () => Date.now(),
    });
    return { events, handle };
  }

  async function finish(handle: RunHandle): Promise<void> {
    let done = false;
    void handle.done.then(() => (done = true));
    for (let t = 0; t < 60_000 && !done; t += 10) await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(true);
  }

  it('shows the previous trials, continues their tids and counts them in the summary', async () => {
    const previous = await previousRun(20);
    const { events, handle } = start({ maxEvals: 25, resume: toResumeState(previous.allTrials) });
    await finish(handle);
    const resumed = events.find((e) => e.type === 'trialsResumed');
    expect(events.findIndex((e) => e.type === 'trialsResumed')).toBe(1);
    expect(resumed).toMatchObject({ counted: 20 });
    expect((resumed as { trials: unknown[] }).trials).toHaveLength(21);
    const best = events.find((e) => e.type === 'bestSoFar');
    expect(best).toMatchObject({ tid: previous.bestTrial.tid, loss: previous.bestLoss });
    const queued = events.filter((e) => e.type === 'trialQueued').map((e) => (e as { tid: number }).tid);
    // Five new trials (the cancelled one does not count), after the last tid (20).
    expect(queued).toEqual([21, 22, 23, 24, 25]);
    const end = events.find((e): e is Extract<RunEvent, { type: 'runEnded' }> => e.type === 'runEnded')!;
    expect(end.summary).toEqual({ total: 26, succeeded: 25, failed: 0, cancelled: 1 });
  });

  it('makes the progress count on from the previous trials, marked as resumed', async () => {
    const previous = await previousRun(20);
    const { events, handle } = start({ maxEvals: 30, resume: toResumeState(previous.allTrials) });
    const model = new ProgressModel(1, 30);
    const atStart = model.apply(events.splice(0));
    expect(atStart).toMatchObject({ finished: 20, resumedFinished: 20, running: 0, maxEvals: 30 });
    expect(atStart.best).toEqual({ tid: previous.bestTrial.tid, loss: previous.bestLoss });
    expect(atStart.rows.filter((r) => r.resumed)).toHaveLength(21);
    expect(atStart.rows[20]).toMatchObject({ tid: 20, status: 'cancelled', resumed: true });
    await finish(handle);
    const atEnd = model.apply(events);
    expect(atEnd).toMatchObject({ finished: 30, resumedFinished: 20, phase: 'ended' });
    expect(atEnd.rows.map((r) => r.tid)).toEqual(Array.from({ length: 31 }, (_, i) => i));
    expect(atEnd.rows.filter((r) => r.resumed)).toHaveLength(21);
  });

  it('lets TPE learn from the previous trials (its first proposal is the one core fmin makes on them)', async () => {
    const previous = await previousRun(24);
    const resume = toResumeState(previous.allTrials);
    const { events, handle } = start({ maxEvals: 25, resume });
    await finish(handle);
    const first = events.find(
      (e): e is Extract<RunEvent, { type: 'trialEnded' }> => e.type === 'trialEnded' && e.tid === 25,
    )!;

    // What Hyperopt's fmin does on the same Trials with the seed stream continued.
    const history = new Trials();
    history.insertTrialDocs(resumedTrialDocs(resume, compiled));
    const option = seedOption(11, resume.trials.length) as { rstate: ReturnType<typeof createRng> };
    const seed = seedFromRng(option.rstate);
    const [expected] = tpe.suggest([25], { space: compiled }, history, seed);
    expect(first.vals).toEqual(expected!.vals);
    // Without the history TPE would only sample the prior (its first 20 trials are random).
    const [blind] = tpe.suggest([25], { space: compiled }, new Trials(), seed);
    expect(blind!.vals).not.toEqual(expected!.vals);
  });

  it('refuses trials that do not fit the space before anything runs', () => {
    const doc: TrialDoc = newTrialDoc(0, { idxs: { z: [0] }, vals: { z: [1] } });
    doc.state = 2;
    doc.result = { status: 'ok', loss: 1 };
    expect(() => start({ resume: { version: 1, trials: [doc] } })).toThrow(
      /resume.trials\[0\] \(trial 0\) does not fit the run's space: vals.z is not a hyperparameter/,
    );
  });
});
