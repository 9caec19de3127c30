import { describe, expect, it } from 'vitest';
import { TPE_IMPROVED } from '../../core/algorithms/tpe/improvedOptions';
import { ALGORITHMS, algoSpec, defaultSettings, parallelismNotes, toRunRequest } from './settingsModel';

describe('settings', () => {
  it('default to WorkerTrials with one trial per logical core', () => {
    expect(defaultSettings(4)).toMatchObject({ trialsKind: 'WorkerTrials', parallelism: '4', algo: 'tpe' });
    expect(parallelismNotes(defaultSettings(4), 4)).toEqual([]);
  });

  it('explain unset, capped and core-sharing parallelism', () => {
    const draft = defaultSettings(2);
    expect(parallelismNotes({ ...draft, parallelism: '' }, 2)[0]).toMatch(
      /not set, so it defaults to this machine's 2 logical cores/,
    );
    expect(parallelismNotes({ ...draft, parallelism: '0' }, 2)[0]).toMatch(/Parallelism is 0/);
    const capped = parallelismNotes({ ...draft, parallelism: '200' }, 2);
    expect(capped).toEqual([
      'Parallelism 200 is above the maximum of 128; using 128.',
      '128 trials at once on 2 logical cores: trials will share cores.',
    ]);
    expect(parallelismNotes({ ...draft, trialsKind: 'Trials' }, 2)).toEqual([
      'Trials evaluates one trial at a time.',
    ]);
  });

  it('turn empty fields into unset options', () => {
    const request = toRunRequest(
      { ...defaultSettings(2), timeout: '', perTrialTimeout: '', earlyStopRounds: '5' },
      { doc: 1 },
      'src',
    );
    expect(request).toMatchObject({
      maxEvals: 50,
      parallelism: 2,
      maxQueueLen: 1,
      earlyStop: { iterationStopCount: 5 },
    });
    expect('timeout' in request).toBe(false);
    expect('perTrialTimeout' in request).toBe(false);
    expect('parallelism' in toRunRequest({ ...defaultSettings(2), trialsKind: 'Trials' }, {}, 'src')).toBe(
      false,
    );
  });

  it('map the Algorithm choices to specs, and pass the loss threshold and the seed', () => {
    expect(ALGORITHMS.map((a) => a.label)).toEqual(['TPE', 'TPE (improved)', 'random', 'anneal', 'mix']);
    expect(algoSpec('rand')).toEqual({ name: 'rand' });
    expect(algoSpec('tpe.improved')).toEqual({ name: 'tpe', options: { ...TPE_IMPROVED } });
    const request = toRunRequest({ ...defaultSettings(2), lossThreshold: '0.01', seed: '42' }, {}, 'src');
    expect(request).toMatchObject({ lossThreshold: 0.01, seed: 42 });
    expect('seed' in toRunRequest(defaultSettings(2), {}, 'src')).toBe(false);
  });
});
