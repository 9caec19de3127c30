/**
 * A run's algorithm (its registry spec) as the `algo=` argument of Hyperopt's fmin. Options that
 * Hyperopt's suggest functions take become `functools.partial` keywords; knobs this port adds (the
 * liar, the improved TPE) have no Hyperopt counterpart and are named in a comment instead.
 */
import { ANNEAL_DEFAULTS } from '../algorithms/anneal/options';
import { MIX_DEFAULTS, type MixAlgoRef } from '../algorithms/mix/options';
import type { AlgoSpec } from '../algorithms/registry';
import { TPE_DEFAULTS } from '../algorithms/tpe/suggest';
import type { JsonValue } from '../trials/types';
import { concat, flat, group, type Doc } from './layout';
import { formatNumber } from './literals';

/** The Python expression, the hyperopt modules it names, and notes for a comment above it. */
export interface PythonAlgo {
  expression: Doc;
  modules: string[];
  usesPartial: boolean;
  notes: string[];
}

/** camelCase option → Hyperopt keyword, per algorithm (tpe.py `suggest`, anneal.py `AnnealingAlgo`). */
const KEYWORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  tpe: {
    gamma: 'gamma',
    nStartupJobs: 'n_startup_jobs',
    nEICandidates: 'n_EI_candidates',
    priorWeight: 'prior_weight',
  },
  anneal: { avgBestIdx: 'avg_best_idx', shrinkCoef: 'shrink_coef' },
  rand: {},
};

const DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  tpe: TPE_DEFAULTS,
  anneal: ANNEAL_DEFAULTS,
  rand: {},
};

/** One line on each algorithm, for the comment above `algo = ...`. */
const SUMMARIES: Readonly<Record<string, string>> = {
  tpe: "TPE (tpe.suggest), Hyperopt's default: it models good and bad trials separately.",
  rand: 'Random search (rand.suggest): independent draws from the prior.',
  anneal: 'Annealing (anneal.suggest): samples ever closer to the best trial so far.',
  mix: 'A mixture (mix.suggest): each trial is proposed by one algorithm, picked with its probability.',
};

/** What the algorithm of `spec` does, in one sentence. */
export function algoSummary(spec: AlgoSpec): string {
  return SUMMARIES[spec.name] ?? spec.name;
}

const show = (value: JsonValue | undefined): string => JSON.stringify(value) ?? 'undefined';

function merge(into: PythonAlgo, part: PythonAlgo): void {
  for (const m of part.modules) if (!into.modules.includes(m)) into.modules.push(m);
  into.usesPartial ||= part.usesPartial;
  into.notes.push(...part.notes);
}

function mixAlgo(options: Record<string, JsonValue>): PythonAlgo {
  const out: PythonAlgo = { expression: '', modules: ['mix'], usesPartial: true, notes: [] };
  const entries = (options['pSuggest'] ?? MIX_DEFAULTS.pSuggest) as [number, MixAlgoRef][];
  const pairs = entries.map(([p, ref]) => {
    const spec: AlgoSpec = typeof ref === 'string' ? { name: ref } : ref;
    const part = algoToPython(spec);
    merge(out, part);
    return `(${formatNumber(p, 'python')}, ${flat(part.expression)})`;
  });
  for (const key of Object.keys(options))
    if (key !== 'pSuggest')
      out.notes.push(`mix option ${key} = ${show(options[key])} has no Hyperopt counterpart.`);
  out.expression = group(
    'partial(',
    ['mix.suggest', concat('p_suggest=', group('[', pairs, ']'))],
    ')',
    true,
  );
  return out;
}

/**
 * The `algo` argument for a spec: `tpe.suggest`, `rand.suggest`, `anneal.suggest`,
 * `mix.suggest`, with `partial(...)` when options differ from Hyperopt's defaults.
 *
 * @throws RangeError for an algorithm Hyperopt does not have.
 */
export function algoToPython(spec: AlgoSpec): PythonAlgo {
  const options = spec.options ?? {};
  if (spec.name === 'mix') return mixAlgo(options);
  const known = Object.hasOwn(KEYWORDS, spec.name);
  const keywords = known ? KEYWORDS[spec.name] : undefined;
  const defaults = known ? DEFAULTS[spec.name] : undefined;
  if (keywords === undefined || defaults === undefined)
    throw new RangeError(`Hyperopt has no algorithm "${spec.name}" (it has tpe, rand, anneal and mix).`);
  const args: string[] = [];
  const extra: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (JSON.stringify(value) === JSON.stringify(defaults[key])) continue;
    const keyword = Object.hasOwn(keywords, key) ? keywords[key] : undefined;
    if (keyword !== undefined && typeof value === 'number')
      args.push(`${keyword}=${formatNumber(value, 'python')}`);
    else extra.push(`${key}=${show(value)}`);
  }
  const notes =
    extra.length === 0
      ? []
      : [
          `The playground ran ${spec.name} with ${extra.join(', ')}: options of this port that Hyperopt's ${spec.name}.suggest does not have, so the cluster runs Hyperopt's own ${spec.name}.`,
        ];
  const name = `${spec.name}.suggest`;
  return args.length === 0
    ? { expression: name, modules: [spec.name], usesPartial: false, notes }
    : {
        expression: group('partial(', [name, ...args], ')', true),
        modules: [spec.name],
        usesPartial: true,
        notes,
      };
}
