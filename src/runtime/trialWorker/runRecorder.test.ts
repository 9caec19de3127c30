import { describe, expect, it } from 'vitest';
import { decodeTrialMessage } from '../pool/trialDecode';
import { encodePayload } from './encode';
import { RunRecorder } from './runRecorder';

describe('RunRecorder', () => {
  it('records params, metrics with steps, tags and artifacts as plain data', () => {
    const recorder = new RunRecorder();
    const run = recorder.api(3);
    const { logMetric } = run; // methods work detached, as users destructure them
    run.logParam('k', 5);
    logMetric('acc', 0.5);
    logMetric('acc', 0.7);
    logMetric('loss', 1, 10);
    run.setTag('model', 'knn');
    run.logArtifact('notes.txt', 'hello');
    const log = recorder.finish();
    expect(run.tid).toBe(3);
    expect(log.params).toEqual({ k: '5' });
    expect(log.metrics.map((m) => [m.key, m.value, m.step])).toEqual([
      ['acc', 0.5, 0],
      ['acc', 0.7, 1],
      ['loss', 1, 10],
    ]);
    expect(log.tags).toEqual({ model: 'knn' });
    expect(log.artifacts).toEqual([{ name: 'notes.txt', content: 'hello' }]);
  });

  it('throws a sentence naming the call for values it cannot keep', () => {
    const run = new RunRecorder().api(0);
    expect(() => run.logMetric('acc', NaN)).toThrow(
      "run.logMetric('acc', NaN): the value must be a finite number",
    );
    expect(() => run.logMetric('', 1)).toThrow(/key must be a non-empty string/);
    expect(() => run.logParam('p', 'x'.repeat(6001))).toThrow(/has 6001 characters; the limit is 6000/);
    expect(() => run.logArtifact('a', 5 as unknown as string)).toThrow(/content must be a string/);
  });

  it('keeps console lines up to the limit and says how many it dropped', () => {
    const recorder = new RunRecorder();
    for (let i = 0; i < 250; i++) recorder.console('log', ['line', i, { i }]);
    const log = recorder.finish();
    expect(log.logs).toHaveLength(200);
    expect(log.logs[0]).toEqual({ level: 'log', text: 'line 0 {"i":0}' });
    expect(log.logs.at(-1)).toEqual({ level: 'warn', text: '51 more console lines were dropped' });
  });
});

describe('encodePayload', () => {
  it('round-trips through the decoder, keeping NaN and Infinity as numbers', () => {
    const run = new RunRecorder().finish();
    const payload = encodePayload({
      ok: true,
      value: { status: 'ok', loss: Infinity, extra: [NaN, -Infinity, 1] },
      run,
    });
    const decoded = decodeTrialMessage({ t: 'done', tid: 1, payload }, 5);
    if (decoded.t !== 'done' || !decoded.outcome.ok) throw new Error('expected a result');
    expect(decoded.outcome.value).toEqual({ status: 'ok', loss: Infinity, extra: [NaN, -Infinity, 1] });
  });

  it('throws on a cycle, so the worker reports a failed trial', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => encodePayload({ ok: true, value: cyclic, run: new RunRecorder().finish() })).toThrow(
      TypeError,
    );
  });
});
