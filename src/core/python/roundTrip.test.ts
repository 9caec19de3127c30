import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hp, scope, toSpaceDocument, type SpaceNode } from '../space';
import { formatNumber, niceExp, quoteString } from './literals';
import { parsePythonSpace, spaceExpression } from './index';
import { EVERY_KIND, spaceArbitrary } from './testSupport';

/** doc -> Python text -> doc. */
const viaPython = (space: SpaceNode): SpaceNode =>
  parsePythonSpace(`space = ${spaceExpression(space, 'python', 'space = ').text}`).space;

describe('space -> Python -> space', () => {
  it('gives back every kind of expression, nested choices and every literal', () => {
    expect(viaPython(EVERY_KIND)).toEqual(EVERY_KIND);
  });

  it('writes the expressions as Hyperopt does', () => {
    const text = spaceExpression(EVERY_KIND, 'python').text;
    expect(text).toContain("hp.loguniform('lr', np.log(1e-5), np.log(0.1))");
    expect(text).toContain("hp.qloguniform('qlr', np.log(1), np.log(1000), 5)");
    expect(text).toContain("hp.loguniform('raw', -3.25, 2.5)");
    expect(text).toContain("hp.pchoice('kernel', [(0.3, 'rbf'), (0.7, 'linear')])");
    expect(text).toContain("scope.int(hp.quniform('depth', 2, 12, 1))");
    expect(text).toContain("hp.randint('r', 10)");
    expect(text).toContain("hp.randint('r2', -5, 5)");
    expect(text).toContain("hp.uniformint('ui', 1, 100)");
    expect(text).toContain("hp.normal('n', -0.0, 2.5)");
    expect(text).toContain(`'it\\'s "quoted"\\n\\t\\\\'`);
    expect(text).toMatch(/ True,\n +False,\n +None,\n/);
    expect(text).toContain("'u': hp.uniform('u', -0.0015, 2e+21)");
    expect(text.split('\n').every((line) => line.length <= 88)).toBe(true);
  });

  it('writes hp.uniformint with a step other than 1 as scope.int(hp.quniform(...)), which Hyperopt reads', () => {
    const space = { n: hp.uniformint('n', 0, 100, 5) };
    const { text, needs } = spaceExpression(space, 'python');
    expect(text).toBe("{'n': scope.int(hp.quniform('n', 0, 100, 5))}");
    expect(needs.scope).toBe(true);
    expect(viaPython(space)).toEqual({ n: scope.int(hp.quniform('n', 0, 100, 5)) });
  });

  it('round-trips random spaces (fast-check)', () => {
    fc.assert(
      fc.property(spaceArbitrary, (space) => {
        expect(toSpaceDocument(space).space).toBe(space);
        expect(viaPython(space)).toEqual(space);
      }),
      { numRuns: 300 },
    );
  });
});

describe('literals', () => {
  it('write numbers losslessly, negative zero included', () => {
    expect(formatNumber(-0, 'python')).toBe('-0.0');
    expect(formatNumber(-0, 'typescript')).toBe('-0');
    expect(formatNumber(1e21, 'python')).toBe('1e+21');
    expect(formatNumber(0.1 + 0.2, 'python')).toBe('0.30000000000000004');
    expect(() => formatNumber(Number.NaN, 'python')).toThrow(RangeError);
  });

  it('quote strings with the quote that needs no escape, and escape what must be', () => {
    expect(quoteString("it's")).toBe(`"it's"`);
    expect(quoteString('a\u2028b\x00\ud800')).toBe("'a\\u2028b\\x00\\ud800'");
    expect(quoteString('😀')).toBe("'😀'");
  });

  it('find short numbers for log-space bounds only when they are exact', () => {
    expect(niceExp(Math.log(1e-4))).toBe(1e-4);
    expect(niceExp(0)).toBe(1);
    expect(niceExp(-3.25)).toBeUndefined();
  });
});
