import { describe, expect, it } from 'vitest';
import { failureFromThrown, normalizeResult } from './result';

describe('normalizeResult (base.py:Domain.evaluate)', () => {
  it('turns a number into {loss, status: ok}', () => {
    expect(normalizeResult(0.5)).toEqual({
      ok: true,
      result: { status: 'ok', loss: 0.5 },
      attachments: undefined,
    });
    expect(normalizeResult(-3)).toMatchObject({ ok: true, result: { loss: -3 } });
  });

  it('keeps extra JSON fields, drops undefined ones and a null loss of non-ok results', () => {
    expect(normalizeResult({ status: 'ok', loss: 1, acc: 0.9, tags: ['a'], skip: undefined })).toEqual({
      ok: true,
      result: { status: 'ok', loss: 1, acc: 0.9, tags: ['a'] },
      attachments: undefined,
    });
    expect(normalizeResult({ status: 'fail', loss: null })).toMatchObject({
      ok: true,
      result: { status: 'fail' },
    });
    expect(normalizeResult({ status: 'suspended' })).toMatchObject({
      ok: true,
      result: { status: 'suspended' },
    });
  });

  it('pops attachments off the result', () => {
    expect(normalizeResult({ status: 'ok', loss: 1, attachments: { blob: 'x' } })).toEqual({
      ok: true,
      result: { status: 'ok', loss: 1 },
      attachments: { blob: 'x' },
    });
    expect(normalizeResult({ status: 'ok', loss: 1, attachments: [1] })).toMatchObject({
      ok: false,
      failure: { type: 'InvalidResult' },
    });
  });

  it.each([
    [{ status: 'fail', loss: 'high' }, 'InvalidLoss'],
    [{ status: 'ok', loss: -Infinity }, 'InvalidLoss'],
    [{ status: 'ok', loss: 1, f: () => 1 }, 'InvalidResult'],
    [{ status: 'ok', loss: 1, nested: { x: Number.NaN } }, 'InvalidResult'],
    [{ status: 7 }, 'InvalidResultStatus'],
    [[1, 2], 'InvalidResult'],
    [null, 'InvalidResult'],
    [true, 'InvalidResult'],
    [10n, 'InvalidResult'],
  ])('rejects %o as %s', (value, type) => {
    expect(normalizeResult(value)).toMatchObject({ ok: false, failure: { type } });
  });
});

describe('failureFromThrown', () => {
  it("uses the error's class name and message", () => {
    const error = new RangeError('out');
    expect(failureFromThrown(error)).toEqual({ type: 'RangeError', message: 'out', thrown: error });
    expect(failureFromThrown(42)).toEqual({ type: 'Error', message: 'objective threw 42', thrown: 42 });
  });
});
