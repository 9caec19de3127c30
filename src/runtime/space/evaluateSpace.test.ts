import { describe, expect, it } from 'vitest';
import type { WorkerSignal } from '../pool/poolTypes';
import type { OwnModule } from '../sandbox/sandboxLink';
import { checkObjective, decodeSpaceEvaluation, evaluateSpace, type OwnModuleFactory } from './evaluateSpace';
import { lineOfLabel } from './labelLines';

/** A sandbox that answers each spawn with `reply` (what the space worker would send). */
function fakeSandbox(reply: (own: OwnModule) => unknown): OwnModuleFactory & { terminated: number } {
  const fake = {
    terminated: 0,
    spawn(listener: (signal: WorkerSignal) => void, own: OwnModule) {
      setTimeout(() => {
        const data = reply(own);
        if (data !== undefined) listener({ kind: 'message', data });
      }, 1);
      return { post: () => undefined, terminate: () => void (fake.terminated += 1) };
    },
  };
  return fake;
}

const EMPTY = { params: {}, metrics: [], tags: {}, artifacts: [], logs: [] };
const space = (value: unknown) => ({ t: 'space', payload: JSON.stringify({ ok: true, value, run: EMPTY }) });
const SOURCE = `import { hp } from 'hyperopt';
export default {
  x: hp.uniform('x', -5, 5),
  y: hp.uniform("y", 5, -5),
};`;

describe('evaluateSpace', () => {
  it('validates the exported space into a document, and ends the worker', async () => {
    const sandbox = fakeSandbox((own) => {
      expect(own.mode).toBe('space');
      expect(own.code).toContain('__hyperoptTrialWorker.define');
      return space({ x: { $hp: 'uniform', label: 'x', low: -5, high: 5 } });
    });
    const answer = await evaluateSpace({ source: SOURCE, language: 'typescript' }, sandbox);
    expect(answer).toMatchObject({ ok: true, document: { format: 'hyperopt-space', version: 1 } });
    expect(sandbox.terminated).toBe(1);
  });

  it("puts a SpaceError at the line of its label's hp call", async () => {
    const sandbox = fakeSandbox(() =>
      space({
        x: { $hp: 'uniform', label: 'x', low: -5, high: 5 },
        y: { $hp: 'uniform', label: 'y', low: 5, high: -5 },
      }),
    );
    const answer = await evaluateSpace({ source: SOURCE, language: 'typescript' }, sandbox);
    expect(answer).toMatchObject({ ok: false, label: 'y', line: 4 });
    expect(answer.ok === false && answer.message).toMatch(/hp\.uniform 'y'/);
  });

  it('reports a syntax error and a throwing module with their lines', async () => {
    const none = fakeSandbox(() => undefined);
    expect(
      await evaluateSpace({ source: 'export default {\n  x: ,\n};', language: 'javascript' }, none),
    ).toMatchObject({
      ok: false,
      line: 2,
    });
    const throwing = fakeSandbox(() => ({
      t: 'space',
      payload: JSON.stringify({
        ok: false,
        error: { name: 'ReferenceError', message: 'q is not defined', line: 2 },
        run: EMPTY,
      }),
    }));
    const answer = await evaluateSpace({ source: 'a\nb\nc', language: 'javascript' }, throwing);
    expect(answer).toMatchObject({ ok: false, line: 2 });
    expect(answer.ok === false && answer.message).toContain('ReferenceError: q is not defined');
  });

  it('gives up on a module that never answers', async () => {
    const silent = fakeSandbox(() => undefined);
    const answer = await evaluateSpace({ source: 'export default 1;', language: 'javascript' }, silent, 20);
    expect(answer).toMatchObject({ ok: false });
    expect(silent.terminated).toBe(1);
  });

  it('refuses requests without source or with another language', async () => {
    await expect(async () =>
      evaluateSpace(
        { language: 'python' },
        fakeSandbox(() => undefined),
      ),
    ).rejects.toThrow(/source/);
  });
});

describe('the page decodes the answer again', () => {
  it('accepts a valid document and refuses a forged one', () => {
    const document = { format: 'hyperopt-space', version: 1, space: { a: 1 } };
    expect(decodeSpaceEvaluation({ ok: true, document })).toEqual({ ok: true, document });
    expect(decodeSpaceEvaluation({ ok: true, document: { format: 'x' } })).toMatchObject({ ok: false });
    expect(decodeSpaceEvaluation('nonsense')).toMatchObject({ ok: false });
    expect(decodeSpaceEvaluation({ ok: false, message: 'm', line: -3 })).toEqual({ ok: false, message: 'm' });
  });
});

describe('checkObjective and lineOfLabel', () => {
  it('compiles without running', () => {
    expect(checkObjective({ source: 'export default () => 1;', language: 'javascript' })).toEqual({
      ok: true,
    });
    expect(checkObjective({ source: 'export default (\n) => +;', language: 'javascript' })).toMatchObject({
      ok: false,
      line: 2,
    });
  });

  it('finds the hp call of a label with any quote, and only whole labels', () => {
    expect(lineOfLabel(SOURCE, 'x')).toBe(3);
    expect(lineOfLabel(SOURCE, 'y')).toBe(4);
    expect(lineOfLabel('a\n b: hp.choice(`m.x`, [1])', 'm.x')).toBe(2);
    expect(lineOfLabel("hp.uniform('xy', 0, 1)", 'x')).toBeUndefined();
  });
});
