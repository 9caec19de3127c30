import { describe, expect, it } from 'vitest';
import { ObjectiveCompileError, compileObjective, wrapObjective } from './compile';
import { firstLineAfter, userLineFromStack } from './stackLines';

const ts = [
  '// a comment',
  "import KNN from 'ml-knn';",
  "import { makeMoons } from 'datasets';",
  'type Params = { k: number };',
  'export default async function objective(params: Params, run: { logMetric(k: string, v: number): void }) {',
  '  const data = makeMoons({ seed: 1 });',
  "  if (params.k > 3) throw new Error('k too big');",
  '  return params.k + data.X.length + new KNN([[1]], [1]).k;',
  '}',
].join('\n');

describe('compileObjective', () => {
  it('strips types, turns imports into require, and keeps every line in place', () => {
    const { code, lineCount } = compileObjective(ts, 'typescript');
    expect(lineCount).toBe(9);
    const lines = code.split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[1]).toContain("require('ml-knn')");
    expect(lines[6]).toContain("throw new Error('k too big')");
    expect(lines[4]).not.toContain(': Params');
    expect(code).toContain('exports.default = objective');
  });

  it('runs as CommonJS, with errors on the user line after wrapping', () => {
    const { code } = compileObjective(ts, 'typescript');
    const prefix = 'var lib = 1;\nvar other = 2;\n';
    const wrapped = prefix + wrapObjective({ code });
    const firstLine = firstLineAfter(prefix);
    expect(firstLine).toBe(3);
    // The wrapped text's line firstLine + 6 holds user line 7.
    expect(wrapped.split('\n')[firstLine + 5]).toContain('k too big');
  });

  it('reports syntax errors with the user line and a sentence saying what to do', () => {
    const bad = 'const a = 1;\n\nconst b = ;\n';
    let caught: unknown;
    try {
      compileObjective(bad, 'javascript');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ObjectiveCompileError);
    expect((caught as ObjectiveCompileError).line).toBe(3);
    expect((caught as Error).message).toMatch(
      /^The objective has a syntax error at line 3: Unexpected token\. Fix it/,
    );
  });

  it('refuses an oversized source', () => {
    expect(() => compileObjective('x'.repeat(200_001), 'javascript')).toThrow(/over the limit/);
  });
});

describe('userLineFromStack', () => {
  const url = 'blob:null/5e1c2b9a-0000-4000-8000-000000000000';
  const stack = [
    'Error: k too big',
    `    at KNN.predict (${url}:120:15)`,
    `    at objective (${url}:1006:11)`,
    `    at async MessagePort.run (${url}:900:20)`,
  ].join('\n');

  it('maps the innermost frame inside the objective to the user line', () => {
    expect(userLineFromStack(stack, url, 1000, 9)).toBe(7);
  });

  it('skips frames of other scripts and frames outside the objective', () => {
    expect(userLineFromStack(stack, 'blob:null/other', 1000, 9)).toBeUndefined();
    expect(userLineFromStack(stack, url, 1010, 9)).toBeUndefined();
    expect(userLineFromStack(`Error\n    at ${url}:1001:3`, url, 1000, 9)).toBe(2);
    expect(userLineFromStack(`f@${url}:1004:3`, url, 1000, 9)).toBe(5);
    expect(userLineFromStack(undefined, url, 1, 9)).toBeUndefined();
  });
});
