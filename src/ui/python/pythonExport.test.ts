import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hp,
  parseSpaceDocument,
  scope,
  toSpaceDocument,
  type SpaceDocument,
  type SpaceNode,
} from '../../core';
import { parsePythonSpace, spaceToTypeScript } from '../../core/python';
import { EVERY_KIND, spaceArbitrary } from '../../core/python/testSupport';
import { compileObjective } from '../../runtime/objective/compile';
import { exampleDraft } from '../draft/draft';
import { EXAMPLES } from '../examples';
import { PYTHON_OBJECTIVES, exampleFor } from './exampleObjectives';
import { exportScript } from './exportScript';

/**
 * The space module evaluated in Node as the sandbox evaluates it: compiled by the same sucrase
 * step, its `hyperopt` import given core's hp and scope.
 */
function evaluateSpaceModule(
  source: string,
  language: 'typescript' | 'javascript' = 'typescript',
): SpaceNode {
  const { code } = compileObjective(source, language);
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string) => {
    if (name !== 'hyperopt') throw new Error(`unexpected import ${name}`);
    return { __esModule: true, hp, scope };
  };
  // The test's stand-in for the sandbox.
  new Function('exports', 'require', 'module', code)(module.exports, require, module);
  return module.exports['default'] as SpaceNode;
}

const documentOf = (source: string): SpaceDocument => toSpaceDocument(evaluateSpaceModule(source));

describe('spaceToTypeScript', () => {
  it('writes a module that evaluates to the same space (every kind, nested choices)', () => {
    const source = spaceToTypeScript(toSpaceDocument(EVERY_KIND), 'Imported from Python.');
    expect(source).toMatch(
      /^\/\/ Imported from Python\.\nimport \{ hp, scope \} from 'hyperopt';\n\nexport default \{\n/,
    );
    expect(source).toContain("lr: hp.loguniform('lr', Math.log(1e-5), Math.log(0.1)),");
    expect(source).toContain("kernel: hp.pchoice('kernel', [[0.3, 'rbf'], [0.7, 'linear']]),");
    expect(source).toContain("'key with spaces': { '1': 'one', 'ä': 1, '': 'empty key' },");
    expect(evaluateSpaceModule(source)).toEqual(EVERY_KIND);
    expect(evaluateSpaceModule(source, 'javascript')).toEqual(EVERY_KIND);
  });

  it('keeps hp.uniformint with its step, and imports only hp when scope is not used', () => {
    const space = { n: hp.uniformint('n', 0, 100, 5) };
    const source = spaceToTypeScript(toSpaceDocument(space));
    expect(source).toBe(
      "import { hp } from 'hyperopt';\n\nexport default { n: hp.uniformint('n', 0, 100, 5) };\n",
    );
    expect(evaluateSpaceModule(source)).toEqual(space);
  });

  it('round-trips random spaces through TypeScript, and Python through TypeScript (fast-check)', () => {
    fc.assert(
      fc.property(spaceArbitrary, (space) => {
        const document = toSpaceDocument(space);
        expect(evaluateSpaceModule(spaceToTypeScript(document))).toEqual(space);
      }),
      { numRuns: 150 },
    );
  });

  it('imports a Python space with a nested choice into the editor’s TypeScript', () => {
    const python = `from hyperopt import hp
space = {"model": hp.choice("model", [
    {"type": "svm", "C": hp.lognormal("C", 0, 1)},
    {"type": "tree", "depth": scope.int(hp.quniform("depth", 2, 12, 1)),
     "criterion": hp.choice("criterion", ["gini", "entropy"])},
])}`;
    const document = parsePythonSpace(python);
    const source = spaceToTypeScript(document);
    expect(
      parseSpaceDocument(toSpaceDocument(evaluateSpaceModule(source))).params.map((p) => p.label),
    ).toEqual(['model', 'C', 'depth', 'criterion']);
    expect(evaluateSpaceModule(source)).toEqual(document.space);
  });
});

describe('exportScript', () => {
  it('recognises each built-in example by its objective, and an edited objective as the user’s', () => {
    for (const example of EXAMPLES) expect(exampleFor(example.objective)?.example.id).toBe(example.id);
    expect(Object.keys(PYTHON_OBJECTIVES).sort()).toEqual(EXAMPLES.map((e) => e.id).sort());
    expect(exampleFor(`${EXAMPLES[0]!.objective}// mine\n`)).toBeUndefined();
  });

  it('writes every example with its Python objective, SparkTrials and the same space, and they compile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hyperopt-examples-'));
    try {
      const files = EXAMPLES.map((example) => {
        const draft = exampleDraft(example, 4);
        const space = documentOf(example.space);
        const { script, example: title } = exportScript(draft, space);
        expect(title).toBe(example.title);
        expect(script).toContain('trials = SparkTrials(parallelism=4');
        expect(script).toContain(`max_evals=${draft.settings.maxEvals},`);
        expect(script).not.toContain('OBJECTIVE STUB');
        expect(script).toContain('def objective(params):');
        // The space in the script reads back as the example's space.
        const spaceText = /^space = [\s\S]*?^[}\]]?$/m.exec(script)?.[0] ?? '';
        expect(parsePythonSpace(spaceText).space).toEqual(space.space);
        const file = join(dir, `${example.id}.py`);
        writeFileSync(file, script, 'utf8');
        return file;
      });
      execFileSync('python3', ['-m', 'py_compile', ...files], { stdio: 'pipe' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the iris example scikit-learn models scored by 3-fold cross-validation, logged to MLflow', () => {
    const iris = EXAMPLES.find((e) => e.id === 'iris')!;
    const { script } = exportScript(exampleDraft(iris, 2), documentOf(iris.space));
    for (const part of [
      'RandomForestClassifier(',
      'KNeighborsClassifier(',
      'SGDClassifier(',
      'load_iris(return_X_y=True)',
      'cross_val_score(',
      'mlflow.log_metric("fold_accuracy", accuracy, step=fold)',
      'rstate=np.random.default_rng(7)',
    ])
      expect(script).toContain(part);
    expect(script).toMatch(
      /hp\.loguniform\(\s*'lr_learning_rate',\s*np\.log\(1e-4\),\s*np\.log\(0\.01\),?\s*\)/,
    );
  });

  it('writes a stub with the user’s objective, and uses the settings as they are', () => {
    const draft = exampleDraft(EXAMPLES[0], 8);
    const edited = {
      ...draft,
      objective: 'export default ({ x }: { x: number }) => Math.abs(x);\n',
      settings: { ...draft.settings, trialsKind: 'Trials' as const, earlyStopRounds: '12', seed: '3' },
    };
    const { script, example } = exportScript(edited, documentOf(draft.space));
    expect(example).toBeUndefined();
    expect(script).toContain('#   export default ({ x }: { x: number }) => Math.abs(x);');
    expect(script).toContain('trials = Trials()');
    expect(script).toContain('early_stop_fn=no_progress_loss(12)');
    expect(script).toContain('rstate=np.random.default_rng(3)');
  });

  it('refuses settings the Run button would refuse, with the same sentence', () => {
    const draft = exampleDraft(EXAMPLES[0], 2);
    expect(() =>
      exportScript({ ...draft, settings: { ...draft.settings, maxEvals: 'lots' } }, documentOf(draft.space)),
    ).toThrow(/maxEvals/);
  });
});
