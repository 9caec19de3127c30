import { describe, expect, it } from 'vitest';
import { Trials } from './trials';
import { TrialsFormatError } from './errors';
import { newTrialDoc } from './docs';
import { parseTrialsDocument } from './trialsJson';
import type { TrialsDocument } from './trialsJson';

/** A store with every kind of document: done, failed, cancelled, new, plus attachments. */
function richTrials(): Trials {
  const trials = new Trials({ expKey: 'exp-1' });
  const ids = trials.newTrialIds(5);
  trials.insertTrialDocs(
    ids.map((tid) =>
      newTrialDoc(
        tid,
        {
          idxs: { c: [tid], x: tid % 2 ? [tid] : [] },
          vals: { c: [tid % 2], x: tid % 2 ? [tid * 1.5] : [] },
        },
        'exp-1',
      ),
    ),
  );
  trials.startTrial(0, 1_700_000_000_000);
  trials.completeTrial(0, { status: 'ok', loss: 0.25, accuracy: 0.9, curve: [1, 0.5] }, 1_700_000_000_500);
  trials.startTrial(1, 1_700_000_001_000);
  trials.failTrial(1, ['InvalidLoss', 'loss is NaN'], 1_700_000_001_100);
  trials.cancelTrial(2, 'fmin timeout', 1_700_000_002_000);
  trials.completeTrial(3, { status: 'fail', reason: 'diverged' }, 1_700_000_003_000);
  trials.newTrialIds(2); // reserved but unused ids survive the round trip
  trials.attachments['dataset'] = { rows: 10, name: 'iris' };
  trials.trialAttachments(0)['weights'] = [0.1, 0.2];
  return trials;
}

describe('Trials JSON', () => {
  it('round-trips every document, attachment and the next tid', () => {
    const trials = richTrials();
    const json = trials.toJSON();
    expect(json.format).toBe('hyperopt-trials');
    expect(json.version).toBe(1);
    const back = Trials.fromJSON(JSON.stringify(json));
    expect(back.toJSON()).toEqual(json);
    expect(back.expKey).toBe('exp-1');
    expect(back.allTrials).toEqual(trials.allTrials);
    expect(back.length).toBe(trials.length);
    expect(back.bestTrial.tid).toBe(0);
    expect(back.trialAttachments(0)).toEqual({ weights: [0.1, 0.2] });
    expect(back.attachments).toEqual({ dataset: { rows: 10, name: 'iris' } });
    expect(back.newTrialIds(1)).toEqual([7]);
  });

  it('accepts a parsed object and does not alias it', () => {
    const json = richTrials().toJSON();
    const back = Trials.fromJSON(json);
    json.trials[0]!.result.loss = 99;
    expect(back.bestLoss).toBe(0.25);
  });

  it('returns a snapshot from toJSON', () => {
    const trials = richTrials();
    const json = trials.toJSON();
    json.trials[0]!.result.loss = 99;
    expect(trials.bestLoss).toBe(0.25);
  });

  it('defaults missing optional fields (nextTid, attachments, expKey)', () => {
    const json = richTrials().toJSON() as Partial<TrialsDocument>;
    const trials = json.trials!.map((d) => ({ ...d, expKey: null }));
    const back = Trials.fromJSON({ format: 'hyperopt-trials', version: 1, trials });
    expect(back.newTrialIds(1)).toEqual([5]);
    expect(back.attachments).toEqual({});
  });
});

describe('Trials JSON validation', () => {
  const valid = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(richTrials().toJSON())) as Record<string, unknown>;
  const trialAt = (data: Record<string, unknown>, i: number): Record<string, unknown> =>
    (data['trials'] as Record<string, unknown>[])[i]!;

  const cases: [string, (data: Record<string, unknown>) => unknown, RegExp][] = [
    [
      'format',
      (d) => ({ ...d, format: 'hyperopt-space' }),
      /^Invalid trials document: format must be "hyperopt-trials"/,
    ],
    ['version', (d) => ({ ...d, version: 2 }), /version must be 1/],
    ['trials', (d) => ({ ...d, trials: {} }), /trials must be an array/],
    ['trials[0]', (d) => ({ ...d, trials: [5] }), /trials\[0\] must be a trial document object/],
    ['tid', (d) => (delete trialAt(d, 1)['tid'], d), /trials\[1\]\.tid must be a non-negative integer/],
    ['state', (d) => ((trialAt(d, 0)['state'] = 7), d), /trials\[0\]\.state must be a job state 0\.\.4/],
    [
      'status',
      (d) => (((trialAt(d, 0)['result'] as Record<string, unknown>)['status'] = 'done'), d),
      /trials\[0\]\.result\.status must be one of/,
    ],
    [
      'loss',
      (d) => (((trialAt(d, 0)['result'] as Record<string, unknown>)['loss'] = '0.5'), d),
      /trials\[0\]\.result\.loss must be a finite number/,
    ],
    [
      'ok without loss',
      (d) => (delete (trialAt(d, 0)['result'] as Record<string, unknown>)['loss'], d),
      /trials\[0\]\.result\.loss is required/,
    ],
    [
      'misc.tid',
      (d) => (((trialAt(d, 2)['misc'] as Record<string, unknown>)['tid'] = 0), d),
      /trials\[2\]\.misc\.tid must equal/,
    ],
    [
      'misc.vals',
      (d) => (((trialAt(d, 1)['misc'] as Record<string, Record<string, unknown>>)['vals']!['x'] = [1, 2]), d),
      /trials\[1\]\.misc\.vals\.x must be \[\]/,
    ],
    [
      'misc.idxs',
      (d) => (((trialAt(d, 1)['misc'] as Record<string, Record<string, unknown>>)['idxs']!['x'] = []), d),
      /trials\[1\]\.misc\.idxs\.x must be \[1\]/,
    ],
    [
      'misc.cmd',
      (d) => (((trialAt(d, 1)['misc'] as Record<string, unknown>)['cmd'] = 'x'), d),
      /trials\[1\]\.misc\.cmd must be a pair/,
    ],
    [
      'misc.error',
      (d) => (((trialAt(d, 1)['misc'] as Record<string, unknown>)['error'] = 'boom'), d),
      /trials\[1\]\.misc\.error must be a pair/,
    ],
    ['spec', (d) => ((trialAt(d, 0)['spec'] = {}), d), /trials\[0\]\.spec must be null/],
    [
      'bookTime',
      (d) => ((trialAt(d, 0)['bookTime'] = '2024'), d),
      /trials\[0\]\.bookTime must be epoch milliseconds/,
    ],
    [
      'version field',
      (d) => ((trialAt(d, 0)['version'] = 0.5), d),
      /trials\[0\]\.version must be an integer/,
    ],
    [
      'duplicate tid',
      (d) => (((d['trials'] as unknown[])[1] = trialAt(d, 0)), d),
      /trials\[1\]\.tid duplicates tid 0/,
    ],
    ['expKey', (d) => ((trialAt(d, 0)['expKey'] = 'other'), d), /trials\[0\]\.expKey must equal/],
    ['nextTid', (d) => ({ ...d, nextTid: 2 }), /nextTid must be an integer greater than every tid/],
    [
      'attachments',
      (d) => ({ ...d, attachments: { f: () => 1 } }),
      /attachments is not JSON-safe: attachments\.f is a function/,
    ],
    [
      'trialAttachments',
      (d) => ({ ...d, trialAttachments: { 42: {} } }),
      /trialAttachments\.42 must be keyed by the tid/,
    ],
  ];

  it.each(cases)('rejects a malformed %s, naming the field', (_name, corrupt, message) => {
    const input = corrupt(valid());
    expect(() => Trials.fromJSON(input)).toThrow(TrialsFormatError);
    expect(() => Trials.fromJSON(input)).toThrow(message);
  });

  it('rejects text that is not JSON and values that are not objects', () => {
    expect(() => Trials.fromJSON('{not json')).toThrow(/\(root\) is not valid JSON text/);
    expect(() => Trials.fromJSON(null)).toThrow(/\(root\) must be an object/);
    expect(() => parseTrialsDocument([])).toThrow(TrialsFormatError);
  });

  it('exposes the offending field on the error', () => {
    const data = valid();
    trialAt(data, 3)['state'] = -1;
    try {
      Trials.fromJSON(data);
      expect.unreachable();
    } catch (error) {
      expect((error as TrialsFormatError).field).toBe('trials[3].state');
    }
  });
});
