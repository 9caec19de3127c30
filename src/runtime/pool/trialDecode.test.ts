import { describe, expect, it } from 'vitest';
import { decodeTrialMessage } from './trialDecode';

const run = {
  params: { k: '3' },
  metrics: [{ key: 'acc', value: 0.9, step: 0, timestamp: 1 }],
  tags: {},
  artifacts: [],
  logs: [],
};
const done = (payload: unknown, tid: unknown = 4) => ({
  t: 'done',
  tid,
  payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
});

describe('decodeTrialMessage', () => {
  it('accepts a result with its child run and restores tagged non-finite numbers', () => {
    const decoded = decodeTrialMessage(done({ ok: true, value: { $nonFinite: 'NaN' }, run }), 10);
    expect(decoded.t).toBe('done');
    if (decoded.t !== 'done' || !decoded.outcome.ok) throw new Error('expected a result');
    expect(decoded.outcome.value).toBeNaN();
    expect(decoded.run.metrics[0]).toEqual({ key: 'acc', value: 0.9, step: 0, timestamp: 1 });
    expect(decoded.run.params).toEqual({ k: '3' });
  });

  it('keeps an error with a line inside the objective, and rejects a line outside it', () => {
    const ok = decodeTrialMessage(
      done({ ok: false, error: { name: 'TypeError', message: 'x', line: 3 }, run }),
      10,
    );
    expect(ok).toMatchObject({ t: 'done', outcome: { ok: false, error: { name: 'TypeError', line: 3 } } });
    const bad = decodeTrialMessage(
      done({ ok: false, error: { name: 'E', message: 'x', line: 99 }, run }),
      10,
    );
    expect(bad).toEqual({
      t: 'invalid',
      tid: 4,
      problem: 'the error line must be a line of the objective (1 to 10)',
    });
  });

  it.each([
    ['a payload over 1 MB', done('x'.repeat(1_000_001)), /over the 1 MB limit/],
    ['a payload that is not text', { t: 'done', tid: 4, payload: { ok: true } }, /must be JSON text/],
    ['invalid JSON', done('{"ok":'), /not valid JSON/],
    ['no ok flag', done({ value: 1 }), /no ok flag/],
    [
      'a non-finite metric',
      done({
        ok: true,
        value: 1,
        run: { ...run, metrics: [{ key: 'a', value: null, step: 0, timestamp: 0 }] },
      }),
      /metric "a" must be a finite number/,
    ],
    [
      'a fractional step',
      done({
        ok: true,
        value: 1,
        run: { ...run, metrics: [{ key: 'a', value: 1, step: 0.5, timestamp: 0 }] },
      }),
      /step must be an integer/,
    ],
    [
      'an oversized param',
      done({ ok: true, value: 1, run: { ...run, params: { p: 'x'.repeat(6001) } } }),
      /params "p" is 6001 characters, over the limit of 6000/,
    ],
    [
      'too many artifacts',
      done({
        ok: true,
        value: 1,
        run: { ...run, artifacts: Array.from({ length: 21 }, () => ({ name: 'a', content: '' })) },
      }),
      /artifacts has 21 entries/,
    ],
    [
      'an unknown console level',
      done({ ok: true, value: 1, run: { ...run, logs: [{ level: 'shout', text: 'x' }] } }),
      /unknown level/,
    ],
  ])('rejects %s with a clear problem naming the trial', (_what, message, problem) => {
    const decoded = decodeTrialMessage(message, 10);
    expect(decoded.t).toBe('invalid');
    if (decoded.t !== 'invalid') return;
    expect(decoded.tid).toBe(4);
    expect(decoded.problem).toMatch(problem);
  });

  it('rejects messages that name no trial without blaming one', () => {
    expect(decodeTrialMessage(null, 10)).toEqual({
      t: 'invalid',
      tid: undefined,
      problem: 'a message must be an object',
    });
    expect(decodeTrialMessage({ t: 'hello' }, 10)).toEqual({
      t: 'invalid',
      tid: undefined,
      problem: 'the message type is unknown',
    });
    expect(decodeTrialMessage({ t: 'done', tid: -1, payload: '{}' }, 10)).toMatchObject({
      t: 'invalid',
      tid: undefined,
    });
    expect(decodeTrialMessage({ t: 'exit', detail: 7 }, 10)).toMatchObject({
      t: 'invalid',
      problem: 'the exit detail must be text',
    });
  });

  it('truncates long error messages instead of failing the trial twice', () => {
    const decoded = decodeTrialMessage(
      done({ ok: false, error: { name: 'Error', message: 'm'.repeat(5000) }, run }),
      10,
    );
    if (decoded.t !== 'done' || decoded.outcome.ok) throw new Error('expected a failure');
    expect(decoded.outcome.error.message).toHaveLength(2000);
  });
});
