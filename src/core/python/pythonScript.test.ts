import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TPE_IMPROVED } from '../algorithms/tpe/improvedOptions';
import type { JsonValue } from '../trials/types';
import { hp, toSpaceDocument } from '../space';
import { pythonScript, type ScriptInput, type ScriptSettings } from './index';
import { EVERY_KIND, spaceArbitrary } from './testSupport';

const space = toSpaceDocument({ x: hp.uniform('x', -10, 10) });
const stub = {
  kind: 'stub',
  source: 'export default function objective({ x }) {\n  return x ** 2;\n}\n',
  language: 'typescript',
} as const;
const base: ScriptSettings = {
  algo: { name: 'tpe' },
  maxEvals: 50,
  trialsKind: 'WorkerTrials',
  parallelism: 4,
};
const script = (settings: Partial<ScriptSettings>, input: Partial<ScriptInput> = {}) =>
  pythonScript({ space, objective: stub, settings: { ...base, ...settings }, ...input });

/** `python3 -m py_compile` on scripts, all at once; returns nothing or throws with Python's error. */
function pyCompile(scripts: string[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'hyperopt-export-'));
  try {
    const files = scripts.map((text, i) => {
      const file = join(dir, `script_${i}.py`);
      writeFileSync(file, text, 'utf8');
      return file;
    });
    execFileSync('python3', ['-m', 'py_compile', ...files], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const compiled: string[] = [];
afterAll(() => pyCompile(compiled));

describe('pythonScript', () => {
  it('wraps fmin in mlflow.start_run with SparkTrials, the space and the settings', () => {
    const text = script({
      timeout: 600,
      seed: 7,
      earlyStop: { iterationStopCount: 10, percentIncrease: 0 },
      lossThreshold: 0.05,
    });
    compiled.push(text);
    expect(text).toContain('trials = SparkTrials(parallelism=4, timeout=600)');
    expect(text).toContain("space = {'x': hp.uniform('x', -10, 10)}");
    expect(text).toMatch(/with mlflow\.start_run\(\):\n {4}best = fmin\(\n/);
    for (const arg of [
      'fn=objective',
      'space=space',
      'algo=algo',
      'max_evals=50',
      'trials=trials',
      'early_stop_fn=no_progress_loss(10)',
      'loss_threshold=0.05',
      'rstate=np.random.default_rng(7)',
    ])
      expect(text).toContain(`        ${arg},\n`);
    expect(text).not.toContain('        timeout=');
    expect(text).toContain('from hyperopt import SparkTrials, fmin, hp, space_eval, tpe\n');
    expect(text).toContain('from hyperopt.early_stop import no_progress_loss\n');
    expect(text).toContain('import numpy as np\n');
    expect(text).toContain('algo = tpe.suggest\n');
    expect(text).toContain('print("best parameters:", space_eval(space, best))');
  });

  it('uses Trials (with fmin’s timeout) when the playground ran one trial at a time', () => {
    const text = script({
      trialsKind: 'Trials',
      parallelism: undefined,
      timeout: 30,
      maxQueueLen: 3,
      earlyStop: { iterationStopCount: 5, percentIncrease: 2.5 },
    });
    compiled.push(text);
    expect(text).toContain('trials = Trials()');
    expect(text).not.toContain('trials = SparkTrials');
    expect(text).toContain('        timeout=30,\n');
    expect(text).toContain('        max_queue_len=3,\n');
    expect(text).toContain('early_stop_fn=no_progress_loss(5, percent_increase=2.5)');
    expect(text).not.toContain('numpy');
  });

  it('leaves parallelism to SparkTrials when none was set', () => {
    const text = script({ parallelism: undefined });
    expect(text).toContain('trials = SparkTrials()');
    expect(text).toContain('No parallelism was set');
  });

  it('writes a clearly marked stub with the JavaScript objective as a comment', () => {
    const text = script({ perTrialTimeout: 30 });
    expect(text).toContain('# OBJECTIVE STUB');
    expect(text).toContain('#   export default function objective({ x }) {\n#     return x ** 2;\n#   }\n');
    expect(text).toContain('raise NotImplementedError(');
    expect(text).toContain('# The playground also ended any trial running over 30 s');
  });

  it('includes a Python objective with its imports and hyperopt names', () => {
    const text = script(
      { trialsKind: 'Trials' },
      {
        title: 'An example',
        objective: {
          kind: 'python',
          imports: ['import math', 'import mlflow'],
          hyperopt: ['STATUS_OK'],
          code: 'def objective(params):\n    return {"loss": math.fabs(params["x"]), "status": STATUS_OK}',
          raises: true,
        },
      },
    );
    compiled.push(text);
    expect(text).toMatch(/^"""Hyperopt search exported from Hyperopt Playground \(An example\)\./);
    expect(text).toContain('import math\n\nimport mlflow\n');
    expect(text).toContain('from hyperopt import STATUS_OK, Trials, fmin, hp, space_eval, tpe\n');
    expect(text).toContain('        catch_eval_exceptions=True,\n');
    expect(text).not.toContain('OBJECTIVE STUB');
  });

  it.each<[string, { name: string; options?: Record<string, JsonValue> }, string[]]>([
    ['rand', { name: 'rand' }, ['algo = rand.suggest']],
    [
      'anneal',
      { name: 'anneal', options: { avgBestIdx: 2, shrinkCoef: 0.3 } },
      ['algo = partial(anneal.suggest, shrink_coef=0.3)', 'from functools import partial'],
    ],
    [
      'tpe with options',
      { name: 'tpe', options: { gamma: 0.15, nStartupJobs: 10, nEICandidates: 24 } },
      ['algo = partial(tpe.suggest, gamma=0.15, n_startup_jobs=10)'],
    ],
    [
      'the improved tpe',
      { name: 'tpe', options: { ...(TPE_IMPROVED as Record<string, JsonValue>) } },
      ['algo = partial(tpe.suggest, ', "Hyperopt's tpe.suggest does not have", 'variant="improved"'],
    ],
    [
      'mix',
      { name: 'mix' },
      [
        'p_suggest=[(0.1, rand.suggest), (0.2, anneal.suggest), (0.7, tpe.suggest)]',
        'from hyperopt import SparkTrials, anneal, fmin, hp, mix, rand, space_eval, tpe',
      ],
    ],
    [
      'mix with options',
      {
        name: 'mix',
        options: {
          pSuggest: [
            [0.5, 'rand'],
            [0.5, { name: 'tpe', options: { gamma: 0.5 } }],
          ],
        },
      },
      ['p_suggest=[(0.5, rand.suggest), (0.5, partial(tpe.suggest, gamma=0.5))]'],
    ],
  ])('writes the algorithm %s', (_name, algo, expected) => {
    const text = script({ algo });
    compiled.push(text);
    for (const part of expected) expect(text.replace(/\n# /g, ' ')).toContain(part);
  });

  it('refuses an algorithm Hyperopt does not have', () => {
    expect(() => script({ algo: { name: 'constructor' } })).toThrow(
      'Hyperopt has no algorithm "constructor"',
    );
    expect(script({ algo: { name: 'tpe', options: { toString: 3 } } })).toContain('with toString=3:');
    expect(() => script({ algo: { name: 'cmaes' } })).toThrow(
      'Hyperopt has no algorithm "cmaes" (it has tpe, rand, anneal and mix).',
    );
  });

  it('checks scripts with py_compile, which rejects a broken one', () => {
    expect(() => pyCompile(['def broken(:\n'])).toThrow();
  });

  it('writes scripts that compile (python3 -m py_compile) for every kind and random spaces', () => {
    compiled.push(
      pythonScript({ space: toSpaceDocument(EVERY_KIND), objective: stub, settings: { ...base, seed: 1 } }),
    );
    const settings = fc.record({
      maxEvals: fc.integer({ min: 1, max: 1000 }),
      trialsKind: fc.constantFrom('Trials' as const, 'WorkerTrials' as const),
      parallelism: fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
      timeout: fc.option(fc.double({ min: 0.5, max: 1e5, noNaN: true }), { nil: undefined }),
      seed: fc.option(fc.integer({ min: 0, max: 2 ** 31 }), { nil: undefined }),
      lossThreshold: fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { nil: undefined }),
      algo: fc.constantFrom({ name: 'tpe' }, { name: 'rand' }, { name: 'anneal' }, { name: 'mix' }),
    });
    fc.assert(
      fc.property(spaceArbitrary, settings, (node, s) => {
        compiled.push(pythonScript({ space: toSpaceDocument(node), objective: stub, settings: s }));
      }),
      { numRuns: 25 },
    );
  });
});
