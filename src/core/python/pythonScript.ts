/**
 * "Export to the cluster": the playground's space, algorithm and settings as a runnable Python
 * script in Hyperopt syntax, laid out as Databricks recommends (SparkTrials for parallelism,
 * `early_stop_fn`, and `with mlflow.start_run():` around fmin so that the search is one MLflow run
 * with a child run per trial).
 */
import type { AlgoSpec } from '../algorithms/registry';
import type { SpaceDocument } from '../space';
import { algoSummary, algoToPython } from './algoToPython';
import { render } from './layout';
import { formatNumber } from './literals';
import { spaceExpression } from './spaceSource';

/** The run settings the script reproduces (the fields of the playground's run request). */
export interface ScriptSettings {
  algo: AlgoSpec;
  maxEvals: number;
  /** 'WorkerTrials' becomes SparkTrials (trials in parallel); 'Trials' stays Trials. */
  trialsKind: 'Trials' | 'WorkerTrials';
  parallelism?: number;
  /** Seconds for the whole search. */
  timeout?: number;
  /** Seconds per trial: this port only; named in a comment. */
  perTrialTimeout?: number;
  maxQueueLen?: number;
  earlyStop?: { iterationStopCount: number; percentIncrease: number };
  lossThreshold?: number;
  seed?: number;
}

/** The objective of the script: Python written for a built-in example, or a stub to port. */
export type ScriptObjective =
  | {
      kind: 'python';
      /** Import lines it needs (deduplicated with the script's). */
      imports: string[];
      /** Names it uses from `hyperopt` (e.g. STATUS_OK). */
      hyperopt: string[];
      /** Python that defines `objective(params)` (and whatever it needs). */
      code: string;
      /** It may raise for some points (Trials then needs catch_eval_exceptions=True to go on). */
      raises?: boolean;
    }
  | { kind: 'stub'; source: string; language: 'typescript' | 'javascript' };

export interface ScriptInput {
  space: SpaceDocument;
  settings: ScriptSettings;
  objective: ScriptObjective;
  /** Where it came from, for the docstring (e.g. the example's title). */
  title?: string;
}

const WIDTH = 88;

/** `text` as `#` comment lines wrapped at the script's width. */
export function comment(text: string, indent = ''): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && indent.length + 2 + line.length + 1 + word.length > WIDTH) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines.map((l) => `${indent}#${l === '' ? '' : ` ${l}`}`).join('\n');
}

/** The stub: the playground's objective as a comment, and a function that says what to do. */
function stub(source: string, language: string): string {
  const name = language === 'typescript' ? 'TypeScript' : 'JavaScript';
  const quoted = source
    .replace(/\s+$/, '')
    .split('\n')
    .map((l) => `#   ${l}`.trimEnd())
    .join('\n');
  return [
    `# ${'='.repeat(WIDTH - 2)}`,
    '# OBJECTIVE STUB: write your objective in Python here. The playground ran this',
    `# ${name} objective, which receives one point of the space and returns the loss:`,
    '#',
    quoted,
    `# ${'='.repeat(WIDTH - 2)}`,
    'def objective(params):',
    '    """Return the loss to minimise for `params`, one point of `space`."""',
    '    raise NotImplementedError("Port the objective above to Python, then run this script.")',
  ].join('\n');
}

const num = (value: number) => formatNumber(value, 'python');

function trialsLines(s: ScriptSettings): string[] {
  if (s.trialsKind === 'Trials')
    return [
      comment(
        'Trials evaluates one trial at a time, as the playground did. For trials in parallel on the cluster, use SparkTrials(parallelism=...) instead.',
      ),
      'trials = Trials()',
    ];
  const args: string[] = [];
  const parallelism = s.parallelism !== undefined && s.parallelism > 0;
  if (parallelism) args.push(`parallelism=${num(s.parallelism!)}`);
  if (s.timeout !== undefined) args.push(`timeout=${num(s.timeout)}`);
  const notes = [
    'SparkTrials runs up to `parallelism` trials at once on the workers of the cluster: higher is faster, lower lets TPE learn from more finished trials before each proposal.',
  ];
  if (!parallelism) notes.push('No parallelism was set, so SparkTrials uses its default.');
  if (s.timeout !== undefined) notes.push('timeout: seconds for the whole search.');
  return [comment(notes.join(' ')), `trials = SparkTrials(${args.join(', ')})`];
}

/** Standard-library imports first, then the others (PEP 8's groups). */
function importBlock(lines: Set<string>): string {
  const stdlib = [...lines].filter((l) => /^(?:from|import) (?:functools|math|random)\b/.test(l));
  const others = [...lines].filter((l) => !stdlib.includes(l));
  return [stdlib.join('\n'), others.join('\n')].filter((b) => b !== '').join('\n\n');
}

/**
 * The whole script. It imports only what it uses, and compiles with `python3 -m py_compile`.
 *
 * @throws RangeError when the algorithm has no Hyperopt counterpart.
 */
export function pythonScript({ space, settings: s, objective, title }: ScriptInput): string {
  const algo = algoToPython(s.algo);
  const { text: spaceText, needs } = spaceExpression(space.space, 'python', 'space = ');
  const spark = s.trialsKind === 'WorkerTrials';
  const hyperopt = new Set(['fmin', 'hp', 'space_eval', spark ? 'SparkTrials' : 'Trials', ...algo.modules]);
  if (objective.kind === 'python') for (const name of objective.hyperopt) hyperopt.add(name);
  const imports = new Set<string>();
  if (algo.usesPartial) imports.add('from functools import partial');
  imports.add('import mlflow');
  if (needs.numpy || s.seed !== undefined) imports.add('import numpy as np');
  if (objective.kind === 'python') for (const line of objective.imports) imports.add(line);
  imports.add(`from hyperopt import ${[...hyperopt].sort((a, b) => (a < b ? -1 : 1)).join(', ')}`);
  if (s.earlyStop !== undefined) imports.add('from hyperopt.early_stop import no_progress_loss');
  if (needs.scope) imports.add('from hyperopt.pyll import scope');

  const fminArgs = [
    'fn=objective',
    'space=space',
    'algo=algo',
    `max_evals=${num(s.maxEvals)}`,
    'trials=trials',
  ];
  // SparkTrials takes the timeout itself (fmin's would be ignored with a warning).
  if (!spark && s.timeout !== undefined) fminArgs.push(`timeout=${num(s.timeout)}`);
  if (s.lossThreshold !== undefined) fminArgs.push(`loss_threshold=${num(s.lossThreshold)}`);
  if (s.earlyStop !== undefined) {
    const { iterationStopCount: n, percentIncrease: p } = s.earlyStop;
    fminArgs.push(
      `early_stop_fn=no_progress_loss(${num(n)}${p === 0 ? '' : `, percent_increase=${num(p)}`})`,
    );
  }
  if (s.maxQueueLen !== undefined && s.maxQueueLen !== 1)
    fminArgs.push(`max_queue_len=${num(s.maxQueueLen)}`);
  if (s.seed !== undefined) fminArgs.push(`rstate=np.random.default_rng(${num(s.seed)})`);
  if (!spark && objective.kind === 'python' && objective.raises === true)
    fminArgs.push('catch_eval_exceptions=True');

  const sections = [
    [
      `"""Hyperopt search exported from Hyperopt Playground${title === undefined ? '' : ` (${title})`}.`,
      '',
      'Run it in a Databricks notebook (Databricks Runtime ML has hyperopt, mlflow and pyspark), or',
      `anywhere after \`pip install hyperopt mlflow pyspark\`${spark ? '' : ' (pyspark only for SparkTrials)'}.`,
      '"""',
      importBlock(imports),
    ].join('\n'),
    ['# The search space: labels and distributions as in the playground.', `space = ${spaceText}`].join('\n'),
    objective.kind === 'python' ? objective.code.trim() : stub(objective.source, objective.language),
    [
      comment([algoSummary(s.algo), ...algo.notes].join(' ')),
      `algo = ${render(algo.expression, { width: WIDTH, indent: '    ' }, 0, 7)}`,
    ].join('\n'),
    [
      ...trialsLines(s),
      ...(s.perTrialTimeout === undefined
        ? []
        : [
            comment(
              `The playground also ended any trial running over ${num(s.perTrialTimeout)} s; Hyperopt has no per-trial time limit.`,
            ),
          ]),
    ].join('\n'),
  ];
  const run = [
    spark
      ? '# One MLflow run for the search; SparkTrials logs each trial as a child run of it.'
      : "# One MLflow run for the search; the objective's mlflow.log_* calls log to it.",
    'with mlflow.start_run():',
    '    best = fmin(',
    ...fminArgs.map((a) => `        ${a},`),
    '    )',
    '',
    '# best holds choice indices; space_eval turns them into the values the objective received.',
    'print("best:", best)',
    'print("best parameters:", space_eval(space, best))',
  ];
  sections[sections.length - 1] += '\n\n' + run.join('\n');
  return `${sections.join('\n\n\n')}\n`;
}
