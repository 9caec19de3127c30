import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB_DRAFT, labDraftFromParams, labDraftToParams, toLabRequest } from './labForm';

describe('toLabRequest', () => {
  it('builds the default request', () => {
    expect(toLabRequest(DEFAULT_LAB_DRAFT)).toEqual({
      version: 1,
      kind: 'lab',
      objective: 'hartmann6',
      maxEvals: 100,
      seeds: 10,
      firstSeed: 0,
      algo: { name: 'tpe' },
      levels: [1, 2, 4, 8, 16],
      randomBaseline: true,
      durations: {
        kind: 'stragglers',
        base: 1,
        spread: 0.25,
        stragglerProbability: 0.05,
        stragglerFactor: 5,
      },
    });
  });

  it('adds P = max evals, drops levels above the budget, carries the improved preset', () => {
    const request = toLabRequest({
      ...DEFAULT_LAB_DRAFT,
      maxEvals: '10',
      allAtOnce: true,
      algo: 'tpe.improved',
    });
    expect(request.levels).toEqual([1, 2, 4, 8, 10]);
    expect(request.algo.name).toBe('tpe');
    expect(request.algo.options?.['variant']).toBe('improved');
    expect(toLabRequest({ ...DEFAULT_LAB_DRAFT, durationKind: 'exponential', base: '2' }).durations).toEqual({
      kind: 'exponential',
      mean: 2,
    });
  });

  it('names the field to fix', () => {
    expect(() => toLabRequest({ ...DEFAULT_LAB_DRAFT, maxEvals: '' })).toThrow(
      'Max evals must be a whole number from 5 to 500.',
    );
    expect(() => toLabRequest({ ...DEFAULT_LAB_DRAFT, seeds: '0' })).toThrow(/^Seeds/);
    expect(() => toLabRequest({ ...DEFAULT_LAB_DRAFT, levels: [] })).toThrow(
      'Choose at least one parallelism level.',
    );
  });
});

describe('the lab draft in the URL', () => {
  it('round-trips', () => {
    const draft = {
      ...DEFAULT_LAB_DRAFT,
      objective: 'branin',
      algo: 'tpe.improved',
      levels: [1, 16],
      allAtOnce: true,
      randomBaseline: false,
      durationKind: 'exponential' as const,
      base: '2.5',
    };
    expect(labDraftFromParams(labDraftToParams(draft))).toEqual(draft);
    expect(labDraftFromParams({})).toEqual(DEFAULT_LAB_DRAFT);
  });

  it('ignores what it does not know', () => {
    const draft = labDraftFromParams({ algo: 'rand', levels: '3,4,4,99,x', evals: '<script>', all: 'yes' });
    expect(draft.algo).toBe('tpe');
    expect(draft.levels).toEqual([4]);
    expect(draft.maxEvals).toBe(DEFAULT_LAB_DRAFT.maxEvals);
    expect(draft.allAtOnce).toBe(false);
  });
});
