/**
 * The algorithm race's form and its RaceRequest: every algorithm of the Settings region on the same
 * objective and seeds. Pure; the lab worker validates the request again.
 */
import { LAB_REQUEST_VERSION } from '../../../runtime/lab/labRequest';
import type { RaceRequest } from '../../../runtime/lab/labRequest';
import { ALGORITHMS, algoSpec } from '../../settings/settingsModel';
import { parseBudget, urlText } from '../lab/labForm';

/** The race's names: 'TPE' is Hyperopt's faithful TPE, beside the improved one. */
export const RACE_ALGORITHMS = ALGORITHMS.map((a) => ({
  value: a.value,
  label: a.value === 'tpe' ? 'TPE (faithful)' : a.label,
  hint: a.hint,
}));

export interface RaceDraft {
  objective: string;
  maxEvals: string;
  seeds: string;
  /** Values of RACE_ALGORITHMS. */
  algorithms: string[];
}

// hartmann6, as the lab: six dimensions separate the algorithms more clearly than branin's two.
export const DEFAULT_RACE_DRAFT: RaceDraft = {
  objective: 'hartmann6',
  maxEvals: '100',
  seeds: '10',
  algorithms: RACE_ALGORITHMS.map((a) => a.value),
};

/** The request of a draft. @throws Error with a sentence naming the field to fix. */
export function toRaceRequest(draft: RaceDraft): RaceRequest {
  const { maxEvals, seeds } = parseBudget(draft);
  const competitors = RACE_ALGORITHMS.filter((a) => draft.algorithms.includes(a.value)).map((a) => ({
    label: a.label,
    algo: algoSpec(a.value),
  }));
  if (competitors.length < 2) throw new Error('Choose at least two algorithms to race.');
  return {
    version: LAB_REQUEST_VERSION,
    kind: 'race',
    objective: draft.objective,
    maxEvals,
    seeds,
    firstSeed: 0,
    competitors,
  };
}

/** The draft in the topic's URL parameters, and back (known keys only; values checked when run). */
export function raceDraftToParams(draft: RaceDraft): Record<string, string> {
  return {
    objective: draft.objective,
    evals: draft.maxEvals,
    seeds: draft.seeds,
    algos: draft.algorithms.join(','),
  };
}

export function raceDraftFromParams(params: Readonly<Record<string, string>>): RaceDraft {
  const d = DEFAULT_RACE_DRAFT;
  const short = (key: string, fallback: string) => urlText(params, key, fallback);
  const algos = params['algos']?.split(',').filter((v) => RACE_ALGORITHMS.some((a) => a.value === v));
  return {
    objective: short('objective', d.objective),
    maxEvals: short('evals', d.maxEvals),
    seeds: short('seeds', d.seeds),
    algorithms: algos === undefined ? d.algorithms : [...new Set(algos)],
  };
}
