import { describe, expect, it } from 'vitest';
import '../../core/algorithms/mix';
import { LAB_REQUEST_VERSION, LabRequestError, decodeLabRequest } from './labRequest';

const lab = {
  version: LAB_REQUEST_VERSION,
  kind: 'lab',
  objective: 'branin',
  maxEvals: 40,
  seeds: 3,
  algo: { name: 'tpe' },
  levels: [4, 1, 4, 16],
  randomBaseline: true,
  durations: { kind: 'stragglers', base: 1, spread: 0.3, stragglerProbability: 0.1, stragglerFactor: 5 },
};
const race = {
  version: LAB_REQUEST_VERSION,
  kind: 'race',
  objective: 'hartmann6',
  maxEvals: 30,
  seeds: 2,
  firstSeed: 10,
  competitors: [
    { label: 'random', algo: { name: 'rand' } },
    { label: 'TPE (improved)', algo: { name: 'tpe', options: { variant: 'improved' } } },
  ],
};

const problem = (value: unknown): string => {
  try {
    decodeLabRequest(value);
  } catch (error) {
    expect(error).toBeInstanceOf(LabRequestError);
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('decodeLabRequest', () => {
  it('accepts a lab, sorting and deduplicating its levels, with seeds from 0 by default', () => {
    expect(decodeLabRequest(lab)).toEqual({ ...lab, levels: [1, 4, 16], firstSeed: 0 });
  });

  it('accepts a race and drops fields it does not know', () => {
    expect(decodeLabRequest({ ...race, extra: 'x' })).toEqual(race);
  });

  it('names the wrong setting', () => {
    expect(problem(null)).toMatch(/must be an object/);
    expect(problem({ ...lab, version: 0 })).toMatch(/version must be 1 .*reload the page/);
    expect(problem({ ...lab, kind: 'duel' })).toMatch(/^kind must be 'lab' or 'race'/);
    expect(problem({ ...lab, objective: 'sphere' })).toMatch(/^objective must be a built-in objective/);
    expect(problem({ ...lab, maxEvals: 2 })).toMatch(/^maxEvals must be a whole number from 5 to 500/);
    expect(problem({ ...lab, seeds: 1.5 })).toMatch(/^seeds must be a whole number/);
    expect(problem({ ...lab, levels: [] })).toMatch(/^levels must list 1 to 8 entries/);
    expect(problem({ ...lab, levels: [1, 41] })).toMatch(/^levels must be whole numbers from 1 to max evals/);
    expect(problem({ ...lab, randomBaseline: 'yes' })).toMatch(/^randomBaseline/);
    expect(problem({ ...lab, algo: { name: 'bayes' } })).toMatch(
      /^algo is not usable: Unknown algorithm "bayes"/,
    );
    expect(problem({ ...lab, algo: { name: 'tpe', options: { gamma: 'x' } } })).toMatch(
      /^algo is not usable/,
    );
    expect(problem({ ...lab, durations: { kind: 'gamma' } })).toMatch(/^durations.kind/);
    expect(problem({ ...lab, durations: { ...lab.durations, stragglerFactor: '5' } })).toMatch(
      /^durations.stragglerFactor must be a number/,
    );
    expect(problem({ ...lab, durations: { ...lab.durations, stragglerProbability: 2 } })).toMatch(
      /probability/,
    );
    expect(problem({ ...race, competitors: [{ label: '', algo: { name: 'rand' } }] })).toMatch(
      /^competitors\[0\].label/,
    );
    expect(problem({ ...race, competitors: [{ label: 'a', algo: null }] })).toMatch(/^competitors\[0\].algo/);
  });

  it('bounds the total work', () => {
    expect(problem({ ...lab, maxEvals: 500, seeds: 50, levels: [1, 2, 4, 8, 16] })).toMatch(
      /would simulate 150,000 trials, more than 100,000/,
    );
  });
});
