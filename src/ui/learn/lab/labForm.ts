/**
 * The parallelism lab's form (text as typed) and its translation into a LabRequest for the lab
 * worker. Pure, so the rules live in one tested place; the worker validates the request again.
 */
import { LAB_LIMITS, LAB_REQUEST_VERSION } from '../../../runtime/lab/labRequest';
import type { ParallelLabRequest } from '../../../runtime/lab/labRequest';
import { ALGORITHMS, algoSpec } from '../../settings/settingsModel';

/** The levels the lab offers, as Hyperopt's docs discuss them. */
export const LEVELS = [1, 2, 4, 8, 16] as const;

/** Algorithms the lab can put under parallel load (random search is the baseline, not a choice). */
export const LAB_ALGORITHMS = ALGORITHMS.filter((a) => a.value !== 'rand');

export interface LabDraft {
  objective: string;
  /** A value of LAB_ALGORITHMS. */
  algo: string;
  maxEvals: string;
  seeds: string;
  levels: number[];
  /** Also run with parallelism = max evals (every trial submitted before any result: random search). */
  allAtOnce: boolean;
  randomBaseline: boolean;
  durationKind: 'stragglers' | 'exponential';
  base: string;
  spread: string;
  /** Percent. */
  stragglerPercent: string;
  stragglerFactor: string;
}

export const DEFAULT_LAB_DRAFT: LabDraft = {
  objective: 'hartmann6',
  algo: 'tpe',
  maxEvals: '100',
  seeds: '10',
  levels: [...LEVELS],
  allAtOnce: false,
  randomBaseline: true,
  durationKind: 'stragglers',
  base: '1',
  spread: '0.25',
  stragglerPercent: '5',
  stragglerFactor: '5',
};

const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** A whole number typed in a field. @throws Error naming the field and its range. */
function wholeInRange(text: string, label: string, min: number, max: number): number {
  const n = number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${label} must be a whole number from ${min} to ${max}.`);
  return n;
}

/** Max evals and seeds as typed, checked against the worker's limits. @throws Error naming the field. */
export function parseBudget(draft: { maxEvals: string; seeds: string }): { maxEvals: number; seeds: number } {
  const { maxEvals, seeds } = LAB_LIMITS;
  return {
    maxEvals: wholeInRange(draft.maxEvals, 'Max evals', maxEvals.min, maxEvals.max),
    seeds: wholeInRange(draft.seeds, 'Seeds', seeds.min, seeds.max),
  };
}

/** The request of a draft. @throws Error with a sentence naming the field to fix. */
export function toLabRequest(draft: LabDraft): ParallelLabRequest {
  const { maxEvals, seeds } = parseBudget(draft);
  const levels = draft.levels.filter((p) => p <= maxEvals);
  if (draft.allAtOnce) levels.push(maxEvals);
  if (levels.length === 0) throw new Error('Choose at least one parallelism level.');
  const durations: ParallelLabRequest['durations'] =
    draft.durationKind === 'exponential'
      ? { kind: 'exponential', mean: number(draft.base) }
      : {
          kind: 'stragglers',
          base: number(draft.base),
          spread: number(draft.spread),
          stragglerProbability: number(draft.stragglerPercent) / 100,
          stragglerFactor: number(draft.stragglerFactor),
        };
  return {
    version: LAB_REQUEST_VERSION,
    kind: 'lab',
    objective: draft.objective,
    maxEvals,
    seeds,
    firstSeed: 0,
    algo: algoSpec(draft.algo),
    levels: [...new Set(levels)].sort((a, b) => a - b),
    randomBaseline: draft.randomBaseline,
    durations,
  };
}

/** The label of an algorithm value, for sentences and legends. */
export const algoLabel = (value: string): string => ALGORITHMS.find((a) => a.value === value)?.label ?? value;

/**
 * The draft in the topic's URL parameters (so a configuration can be bookmarked or shared), and
 * back. Only known keys are read; every value stays text, checked by `toLabRequest` when run.
 */
export function labDraftToParams(draft: LabDraft): Record<string, string> {
  return {
    objective: draft.objective,
    algo: draft.algo,
    evals: draft.maxEvals,
    seeds: draft.seeds,
    levels: draft.levels.join(','),
    all: draft.allAtOnce ? '1' : '0',
    random: draft.randomBaseline ? '1' : '0',
    durations: draft.durationKind,
    base: draft.base,
    spread: draft.spread,
    stragglers: draft.stragglerPercent,
    factor: draft.stragglerFactor,
  };
}

/** A URL parameter that looks like a field's text (a number, a name), else the fallback. */
export function urlText(params: Readonly<Record<string, string>>, key: string, fallback: string): string {
  const value = params[key];
  return value !== undefined && /^[\w.+-]{1,40}$/.test(value) ? value : fallback;
}

export function labDraftFromParams(params: Readonly<Record<string, string>>): LabDraft {
  const text = (key: string, fallback: string) => urlText(params, key, fallback);
  const flag = (key: string, fallback: boolean) =>
    params[key] === '1' ? true : params[key] === '0' ? false : fallback;
  const d = DEFAULT_LAB_DRAFT;
  const levels = params['levels']
    ?.split(',')
    .map(Number)
    .filter((p): p is (typeof LEVELS)[number] => (LEVELS as readonly number[]).includes(p));
  return {
    objective: text('objective', d.objective),
    algo: LAB_ALGORITHMS.some((a) => a.value === params['algo']) ? params['algo']! : d.algo,
    maxEvals: text('evals', d.maxEvals),
    seeds: text('seeds', d.seeds),
    levels: levels === undefined ? d.levels : [...new Set(levels)].sort((a, b) => a - b),
    allAtOnce: flag('all', d.allAtOnce),
    randomBaseline: flag('random', d.randomBaseline),
    durationKind: params['durations'] === 'exponential' ? 'exponential' : 'stragglers',
    base: text('base', d.base),
    spread: text('spread', d.spread),
    stragglerPercent: text('stragglers', d.stragglerPercent),
    stragglerFactor: text('factor', d.stragglerFactor),
  };
}
