import { describe, expect, it } from 'vitest';
import type { RaceCompetitorResult } from '../../../runtime/lab/labProtocol';
import { DEFAULT_RACE_DRAFT, raceDraftFromParams, raceDraftToParams, toRaceRequest } from './raceForm';
import { byRank, raceSentence } from './raceWords';

const entry = (label: string, meanRank: number, wins: number, median: number): RaceCompetitorResult => ({
  label,
  finals: [],
  final: { median, q25: median, q75: median, min: median, max: median, mean: median },
  edf: [],
  byTrial: [],
  meanRank,
  wins,
});

describe('the race form', () => {
  it('races every algorithm by default, TPE named as the faithful one', () => {
    const request = toRaceRequest(DEFAULT_RACE_DRAFT);
    expect(request.competitors.map((c) => c.label)).toEqual([
      'TPE (faithful)',
      'TPE (improved)',
      'random',
      'anneal',
      'mix',
    ]);
    expect(request.competitors[0]!.algo).toEqual({ name: 'tpe' });
    expect(request.competitors[1]!.algo.options?.['variant']).toBe('improved');
    expect(request).toMatchObject({
      kind: 'race',
      objective: 'hartmann6',
      maxEvals: 100,
      seeds: 10,
      firstSeed: 0,
    });
  });

  it('names what to fix', () => {
    expect(() => toRaceRequest({ ...DEFAULT_RACE_DRAFT, algorithms: ['rand'] })).toThrow(
      'Choose at least two algorithms to race.',
    );
    expect(() => toRaceRequest({ ...DEFAULT_RACE_DRAFT, seeds: '99' })).toThrow(
      'Seeds must be a whole number from 1 to 50.',
    );
  });
});

describe('the race verdict', () => {
  it('orders by mean rank, then median loss, and names the leader and the last', () => {
    const entries = [entry('random', 3, 0, 0.9), entry('TPE', 1.5, 6, 0.41), entry('anneal', 1.5, 4, 0.45)];
    expect(byRank(entries).map((e) => e.label)).toEqual(['TPE', 'anneal', 'random']);
    expect(raceSentence(entries, 10)).toBe(
      'TPE and anneal shared the best mean rank (1.5). Random came last (mean rank 3, median final loss 0.9).',
    );
    expect(raceSentence([entry('a', 1, 1, 0.1), entry('b', 2, 0, 0.2)], 1)).toBe(
      'A had the best mean rank (1, 1 win of 1 seed; median final loss 0.1). B came last (mean rank 2, median final loss 0.2).',
    );
    expect(raceSentence([entry('a', 1, 1, 0.1)], 1)).toBe('');
  });
});

describe('the race draft in the URL', () => {
  it('round-trips, keeping only known algorithms', () => {
    const draft = { objective: 'ackley5', maxEvals: '40', seeds: '5', algorithms: ['rand', 'tpe.improved'] };
    expect(raceDraftFromParams(raceDraftToParams(draft))).toEqual(draft);
    expect(raceDraftFromParams({ algos: 'rand,bogus,rand' }).algorithms).toEqual(['rand']);
    expect(raceDraftFromParams({})).toEqual(DEFAULT_RACE_DRAFT);
  });
});
