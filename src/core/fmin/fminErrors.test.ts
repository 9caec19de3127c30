import { describe, expect, it } from 'vitest';
import { rand } from '../algorithms/rand';
import { hp } from '../space';
import { Trials } from '../trials/trials';
import { JOB_STATE_CANCEL, JOB_STATE_DONE, JOB_STATE_ERROR } from '../trials/types';
import { AllTrialsFailed } from '../trials/errors';
import { FminOptionError, NoTrialsError, TrialEvaluationError } from './errors';
import { fmin } from './fmin';
import type { FminOptions } from './options';

const space = { x: hp.uniform('x', 0, 1) };
const base = { fn: (c: { x: number }) => c.x, space, algo: rand.suggest, maxEvals: 3, seed: 1 };

describe('fmin option validation', () => {
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['fn missing', { fn: undefined }, /fn is required/],
    ['fn not a function', { fn: 3 }, /fn must be a function/],
    ['space missing', { space: undefined }, /space is required/],
    ['maxEvals negative', { maxEvals: -1 }, /maxEvals must be a non-negative integer/],
    ['maxEvals fractional', { maxEvals: 2.5 }, /maxEvals must be a non-negative integer/],
    [
      'maxEvals unbounded without another stop',
      { maxEvals: undefined },
      /maxEvals is required unless timeout/,
    ],
    ['maxQueueLen 0', { maxQueueLen: 0 }, /maxQueueLen must be an integer >= 1/],
    ['timeout 0', { timeout: 0 }, /timeout should be undefined or a positive number of seconds \(got 0\)/],
    ['timeout negative', { timeout: -1 }, /timeout should be undefined or a positive/],
    ['timeout boolean', { timeout: true }, /timeout should be undefined or a positive/],
    [
      'lossThreshold string',
      { lossThreshold: 'a' },
      /lossThreshold should be undefined or a number \(got "a"\)/,
    ],
    ['seed fractional', { seed: 1.5 }, /seed must be a safe integer/],
    ['seed and rstate', { rstate: { integers: () => 0 } }, /seed and rstate are exclusive/],
    ['rstate not an Rng', { seed: undefined, rstate: {} }, /rstate must be an Rng/],
    ['trials not a Trials', { trials: [] }, /trials must be a Trials instance/],
    ['pointsToEvaluate not an array', { pointsToEvaluate: { x: 1 } }, /pointsToEvaluate must be an array/],
    ['earlyStopFn not a function', { earlyStopFn: true }, /earlyStopFn must be a function/],
    [
      'catchEvalExceptions not boolean',
      { catchEvalExceptions: 1 },
      /catchEvalExceptions must be true or false/,
    ],
    ['returnArgmin not boolean', { returnArgmin: 'no' }, /returnArgmin must be true or false/],
    ['signal not a signal', { signal: {} }, /signal must be an AbortSignal/],
    ['executor malformed', { executor: {} }, /executor must be a TrialExecutor/],
    [
      'executor without parallelism',
      { executor: { asynchronous: true, parallelism: 0 } },
      /executor parallelism must be an integer >= 1/,
    ],
    ['algo not a function', { algo: 'tpe' }, /algo must be a function/],
  ];

  it.each(bad)('rejects %s with FminOptionError naming the option', async (_name, patch, message) => {
    const options = { ...base, ...patch } as unknown as FminOptions;
    await expect(fmin(options)).rejects.toThrow(FminOptionError);
    await expect(fmin(options)).rejects.toThrow(message);
  });

  it('allows an unbounded maxEvals when something else ends the run', async () => {
    const trials = new Trials();
    await fmin({ ...base, maxEvals: undefined, lossThreshold: 0.5, trials });
    expect(trials.bestLoss).toBeLessThan(0.5);
  });

  it('reports an invalid space before running anything', async () => {
    await expect(fmin({ ...base, space: { x: hp.uniform('x', 1, 0) } })).rejects.toThrow(/x/);
  });
});

describe('fmin evaluation failures', () => {
  class SomeError extends Error {
    override name = 'SomeError';
  }

  it('rejects on a thrown error by default, keeping the failed trial recorded (JOB_STATE_ERROR)', async () => {
    const trials = new Trials();
    const run = fmin({
      ...base,
      fn: () => {
        throw new SomeError('boom');
      },
      trials,
    });
    await expect(run).rejects.toThrow(TrialEvaluationError);
    await expect(
      fmin({
        ...base,
        fn: () => {
          throw new SomeError('boom');
        },
      }),
    ).rejects.toThrow('Trial 0 failed: SomeError: boom');
    // Hyperopt's test_catch_eval_exceptions_False: len(trials) == 0, one dynamic trial
    expect(trials.length).toBe(0);
    expect(trials.allTrials).toHaveLength(1);
    const doc = trials.allTrials[0]!;
    expect(doc.state).toBe(JOB_STATE_ERROR);
    expect(doc.misc.error).toEqual(['SomeError', 'boom']);
    expect(doc.result).toEqual({ status: 'fail', error: 'SomeError: boom' });
  });

  it('keeps the thrown error as the cause', async () => {
    const thrown = new SomeError('boom');
    const error = await fmin({
      ...base,
      fn: () => {
        throw thrown;
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrialEvaluationError);
    expect((error as TrialEvaluationError).cause).toBe(thrown);
    expect((error as TrialEvaluationError).tid).toBe(0);
  });

  it('cancels the trials of the batch that had not started when the run fails', async () => {
    const trials = new Trials();
    await expect(
      fmin({
        ...base,
        fn: () => {
          throw new Error('x');
        },
        trials,
        maxQueueLen: 3,
      }),
    ).rejects.toThrow(TrialEvaluationError);
    expect(trials.allTrials.map((d) => d.state)).toEqual([
      JOB_STATE_ERROR,
      JOB_STATE_CANCEL,
      JOB_STATE_CANCEL,
    ]);
    expect(trials.allTrials[1]!.misc.error).toEqual(['Cancelled', 'fmin failed']);
  });

  it("records every failure and goes on with catchEvalExceptions (Hyperopt's test_catch_eval_exceptions_True)", async () => {
    const trials = new Trials();
    const result = await fmin({
      ...base,
      fn: () => {
        throw new SomeError('boom');
      },
      trials,
      maxEvals: 2,
      catchEvalExceptions: true,
      returnArgmin: false,
    });
    expect(result).toBeNull();
    expect(trials.length).toBe(0);
    expect(trials.allTrials.map((d) => d.state)).toEqual([JOB_STATE_ERROR, JOB_STATE_ERROR]);
    await expect(
      fmin({
        ...base,
        fn: () => {
          throw new SomeError('boom');
        },
        catchEvalExceptions: true,
      }),
    ).rejects.toThrow(NoTrialsError);
  });

  const invalidReturns: [string, unknown, string, RegExp][] = [
    ['NaN', Number.NaN, 'InvalidLoss', /NaN/],
    ['Infinity', Number.POSITIVE_INFINITY, 'InvalidLoss', /finite/],
    [
      'a string loss',
      { status: 'ok', loss: '0.5' },
      'InvalidLoss',
      /loss must be a number, got the string "0.5"/,
    ],
    ['a NaN loss in a result', { status: 'ok', loss: Number.NaN }, 'InvalidLoss', /finite number, got NaN/],
    ['ok without loss', { status: 'ok' }, 'InvalidLoss', /needs a numeric loss/],
    [
      'a bad status',
      { status: 'done', loss: 1 },
      'InvalidResultStatus',
      /status the string "done" is not one of new, running, suspended, ok, fail/,
    ],
    ['no status', { loss: 1 }, 'InvalidResultStatus', /has no status/],
    ['a string', 'fast', 'InvalidResult', /must return a number or a result object/],
    ['undefined', undefined, 'InvalidResult', /got undefined/],
    [
      'non-JSON extras',
      { status: 'ok', loss: 1, model: new Map() },
      'InvalidResult',
      /result\.model is a non-plain object/,
    ],
  ];

  it.each(invalidReturns)(
    'rejects an objective returning %s (catchEvalExceptions false)',
    async (_name, value, type, message) => {
      const trials = new Trials();
      const error = await fmin({ ...base, fn: () => value, trials }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TrialEvaluationError);
      expect((error as TrialEvaluationError).failureType).toBe(type);
      expect((error as Error).message).toMatch(message);
      expect(trials.allTrials[0]!.state).toBe(JOB_STATE_ERROR);
      expect(trials.allTrials[0]!.misc.error![0]).toBe(type);
    },
  );

  it.each(invalidReturns)(
    'records an objective returning %s as failed with its reason (catchEvalExceptions true)',
    async (_name, value, type, message) => {
      const trials = new Trials();
      let i = 0;
      const argmin = await fmin({
        ...base,
        fn: (c: { x: number }) => (i++ === 1 ? c.x : value),
        trials,
        catchEvalExceptions: true,
      });
      expect(trials.allTrials.map((d) => d.state)).toEqual([
        JOB_STATE_ERROR,
        JOB_STATE_DONE,
        JOB_STATE_ERROR,
      ]);
      expect(trials.allTrials[0]!.misc.error![0]).toBe(type);
      expect(trials.allTrials[0]!.result.error).toMatch(message);
      expect(argmin).toEqual({ x: trials.allTrials[1]!.misc.vals['x']![0] });
    },
  );

  it('handles rejected promises and thrown non-errors', async () => {
    const trials = new Trials();
    await fmin({
      ...base,
      fn: async () => Promise.reject(new RangeError('late')),
      trials,
      maxEvals: 1,
      catchEvalExceptions: true,
      returnArgmin: false,
    });
    expect(trials.allTrials[0]!.misc.error).toEqual(['RangeError', 'late']);
    await expect(
      fmin({
        ...base,
        fn: () => {
          throw 'plain';
        },
      }),
    ).rejects.toThrow('Trial 0 failed: Error: objective threw "plain"');
  });

  it('throws AllTrialsFailed when trials ran but none succeeded', async () => {
    await expect(fmin({ ...base, fn: () => ({ status: 'fail' }) })).rejects.toThrow(AllTrialsFailed);
    await expect(fmin({ ...base, fn: () => ({ status: 'fail' }), returnArgmin: false })).rejects.toThrow(
      AllTrialsFailed,
    );
  });
});
