import { describe, expect, it } from 'vitest';
import { SpaceError, compileSpace, hp, parseSpaceDocument, scope, toSpaceDocument } from './index';

const space = {
  lr: hp.loguniform('lr', Math.log(1e-5), Math.log(0.1)),
  model: hp.pchoice('model', [
    [0.25, { type: 'svm', C: hp.lognormal('C', 0, 1) }],
    [0.75, { type: 'tree', depth: scope.int(hp.qnormal('depth', 8, 2, 1)), n: hp.uniformint('n', 1, 100) }],
  ]),
  tags: ['x', 1.5, null, false],
};

function errorOf(json: unknown): SpaceError {
  try {
    parseSpaceDocument(json);
  } catch (error) {
    if (error instanceof SpaceError) return error;
    throw error;
  }
  throw new Error('expected a SpaceError');
}

describe('space documents', () => {
  it('round-trips through JSON text', () => {
    const doc = toSpaceDocument(space);
    expect(doc).toEqual({ format: 'hyperopt-space', version: 1, space });
    const parsed = parseSpaceDocument(JSON.parse(JSON.stringify(doc)));
    expect(parsed.root).toEqual(space);
    expect(parsed.params).toEqual(compileSpace(space).params);
  });

  it('toSpaceDocument accepts a compiled space and validates a raw one', () => {
    expect(toSpaceDocument(compileSpace(space)).space).toBe(space);
    expect(() => toSpaceDocument(hp.uniform('x', 1, 1))).toThrow(SpaceError);
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'space', 'document: a space document must be an object (got string "space")'],
    ['an array', [], 'document: a space document must be an object (got an array)'],
    [
      'another format',
      { format: 'optuna', version: 1, space: 1 },
      `document.format: not a space document: format must be 'hyperopt-space' (got string "optuna")`,
    ],
    [
      'no format',
      { version: 1, space: 1 },
      "document.format: not a space document: format must be 'hyperopt-space' (got undefined)",
    ],
    [
      'a newer version',
      { format: 'hyperopt-space', version: 2, space: 1 },
      'document.version: unsupported space document version 2 (this version reads version 1)',
    ],
    [
      'a version string',
      { format: 'hyperopt-space', version: '1', space: 1 },
      'document.version: unsupported space document version string "1" (this version reads version 1)',
    ],
    ['no space', { format: 'hyperopt-space', version: 1 }, 'document.space: the document has no space'],
  ])('rejects %s', (_name, json, message) => {
    expect(errorOf(json).message).toBe(message);
  });

  it('reports errors inside the space with their label', () => {
    const error = errorOf({
      format: 'hyperopt-space',
      version: 1,
      space: { a: { $hp: 'normal', label: 'a', mu: 0, sigma: -1 } },
    });
    expect(error.label).toBe('a');
    expect(error.message).toBe("hp.normal 'a': sigma must be positive (got -1)");
  });
});
