import { describe, expect, it } from 'vitest';
import { RunRequestError, decodeRunRequest } from './runRequest';

const valid = {
  version: 1,
  space: { format: 'hyperopt-space', version: 1, space: {} },
  objective: { source: 'export default () => 1;', language: 'javascript' },
  algo: { name: 'rand' },
  maxEvals: 10,
  trialsKind: 'WorkerTrials',
  maxQueueLen: 2,
  parallelism: 0,
  timeout: 5,
  perTrialTimeout: 1.5,
  earlyStop: { kind: 'noProgressLoss', iterationStopCount: 3 },
  seed: 42,
};

const problem = (change: Record<string, unknown>): string => {
  try {
    decodeRunRequest({ ...valid, ...change });
  } catch (error) {
    expect(error).toBeInstanceOf(RunRequestError);
    return (error as Error).message;
  }
  throw new Error('expected a RunRequestError');
};

describe('decodeRunRequest', () => {
  it('keeps a valid request and fills defaults', () => {
    const request = decodeRunRequest(valid);
    expect(request).toMatchObject({
      maxEvals: 10,
      parallelism: 0,
      timeout: 5,
      perTrialTimeout: 1.5,
      seed: 42,
    });
    expect(request.earlyStop).toEqual({ kind: 'noProgressLoss', iterationStopCount: 3, percentIncrease: 0 });
    expect(decodeRunRequest({ ...valid, maxQueueLen: undefined }).maxQueueLen).toBe(1);
  });

  it('names the wrong setting in a sentence', () => {
    expect(problem({ version: 2 })).toMatch(
      /^The run request version must be 1 \(got 2\); reload the page\.$/,
    );
    expect(problem({ maxEvals: 0 })).toBe('maxEvals must be a whole number from 1 to 1,000,000 (got 0).');
    expect(problem({ maxEvals: undefined })).toBe('maxEvals is required.');
    expect(problem({ timeout: -1 })).toBe('timeout must be a positive number of seconds (got -1).');
    expect(problem({ perTrialTimeout: 'soon' })).toBe(
      'perTrialTimeout must be a positive number of seconds (got "soon").',
    );
    expect(problem({ trialsKind: 'SparkTrials' })).toBe("trialsKind must be 'Trials' or 'WorkerTrials'.");
    expect(problem({ objective: { source: '  ', language: 'javascript' } })).toMatch(
      /^The objective is empty/,
    );
    expect(problem({ algo: {} })).toMatch(/^algo must name an algorithm/);
    expect(problem({ earlyStop: { kind: 'noProgressLoss', iterationStopCount: 0 } })).toMatch(
      /^iterationStopCount must be an integer >= 1/,
    );
    expect(problem({ seed: 1.5 })).toBe('seed must be a whole number (got 1.5).');
  });
});
