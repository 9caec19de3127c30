/**
 * What the page asks the lab worker to simulate, as plain versioned data: a parallelism lab or an
 * algorithm race on a built-in objective. `decodeLabRequest` is the page -> worker boundary: it
 * whitelists every field, bounds the work, and names the first wrong setting in a sentence.
 */
import { algoFromSpec } from '../../core/algorithms/registry';
import type { AlgoSpec } from '../../core/algorithms/registry';
import { benchObjective } from '../../core/objectives/index';
import { durationModelProblem } from '../../core/simulate/index';
import type { DurationModel } from '../../core/simulate/index';
import type { JsonValue } from '../../core/trials/types';

/** Bump when the shape changes; the worker refuses another version. */
export const LAB_REQUEST_VERSION = 1;

/** Bounds that keep one request to seconds of work in the worker. */
export const LAB_LIMITS = {
  maxEvals: { min: 5, max: 500 },
  seeds: { min: 1, max: 50 },
  /** Parallelism levels (or race competitors) in one request. */
  arms: 8,
  /** Trials simulated over all arms and seeds. */
  totalTrials: 100_000,
} as const;

interface Common {
  version: typeof LAB_REQUEST_VERSION;
  /** A name of BENCH_OBJECTIVES. */
  objective: string;
  maxEvals: number;
  /** Runs per arm, on seeds firstSeed, firstSeed + 1, … */
  seeds: number;
  firstSeed: number;
}

export interface ParallelLabRequest extends Common {
  kind: 'lab';
  algo: AlgoSpec;
  /** Parallelism levels of the algorithm, each in 1..maxEvals. */
  levels: number[];
  randomBaseline: boolean;
  durations: DurationModel;
}

export interface RaceRequest extends Common {
  kind: 'race';
  competitors: { label: string; algo: AlgoSpec }[];
}

export type LabRequest = ParallelLabRequest | RaceRequest;

/** A setting is wrong; `field` names it. */
export class LabRequestError extends Error {
  override name = 'LabRequestError';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}.`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const shown = (v: unknown): string => JSON.stringify(v) ?? String(v);

function wholeNumber(r: Record<string, unknown>, field: string, min: number, max: number): number {
  const v = r[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new LabRequestError(field, `must be a whole number from ${min} to ${max} (got ${shown(v)})`);
  return v;
}

function finite(r: Record<string, unknown>, field: string): number {
  const v = r[field];
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new LabRequestError(`durations.${field}`, `must be a number (got ${shown(v)})`);
  return v;
}

function decodeAlgo(value: unknown, field: string): AlgoSpec {
  if (!isRecord(value) || typeof value['name'] !== 'string')
    throw new LabRequestError(field, 'must name an algorithm, e.g. {name: "tpe"}');
  const options = value['options'];
  if (options !== undefined && !isRecord(options))
    throw new LabRequestError(`${field}.options`, 'must be an object');
  const spec: AlgoSpec =
    options === undefined
      ? { name: value['name'] }
      : { name: value['name'], options: options as Record<string, JsonValue> };
  try {
    algoFromSpec(spec);
  } catch (error) {
    throw new LabRequestError(
      field,
      `is not usable: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return spec;
}

function decodeDurations(value: unknown): DurationModel {
  if (!isRecord(value)) throw new LabRequestError('durations', 'must describe the trial durations');
  let model: DurationModel;
  if (value['kind'] === 'exponential') model = { kind: 'exponential', mean: finite(value, 'mean') };
  else if (value['kind'] === 'stragglers')
    model = {
      kind: 'stragglers',
      base: finite(value, 'base'),
      spread: finite(value, 'spread'),
      stragglerProbability: finite(value, 'stragglerProbability'),
      stragglerFactor: finite(value, 'stragglerFactor'),
    };
  else
    throw new LabRequestError(
      'durations.kind',
      `must be 'exponential' or 'stragglers' (got ${shown(value['kind'])})`,
    );
  const problem = durationModelProblem(model);
  if (problem !== undefined) throw new LabRequestError('durations', `are not usable: ${problem}`);
  return model;
}

function decodeCommon(value: Record<string, unknown>): Common {
  if (value['version'] !== LAB_REQUEST_VERSION)
    throw new LabRequestError(
      'The lab request version',
      `must be ${LAB_REQUEST_VERSION} (got ${shown(value['version'])}); reload the page`,
    );
  const objective = value['objective'];
  if (typeof objective !== 'string' || benchObjective(objective) === undefined)
    throw new LabRequestError('objective', `must be a built-in objective (got ${shown(objective)})`);
  const { maxEvals, seeds } = LAB_LIMITS;
  return {
    version: LAB_REQUEST_VERSION,
    objective,
    maxEvals: wholeNumber(value, 'maxEvals', maxEvals.min, maxEvals.max),
    seeds: wholeNumber(value, 'seeds', seeds.min, seeds.max),
    firstSeed:
      value['firstSeed'] === undefined ? 0 : wholeNumber(value, 'firstSeed', 0, 2 ** 31 - 1 - seeds.max),
  };
}

function list(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > LAB_LIMITS.arms)
    throw new LabRequestError(field, `must list 1 to ${LAB_LIMITS.arms} entries`);
  return value;
}

/** Validates a request. @throws LabRequestError naming the first wrong setting. */
export function decodeLabRequest(value: unknown): LabRequest {
  if (!isRecord(value)) throw new LabRequestError('The lab request', 'must be an object');
  const common = decodeCommon(value);
  let request: LabRequest;
  if (value['kind'] === 'lab') {
    const levels = list(value['levels'], 'levels').map((level) => {
      if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > common.maxEvals)
        throw new LabRequestError(
          'levels',
          `must be whole numbers from 1 to max evals (got ${shown(level)})`,
        );
      return level;
    });
    if (typeof value['randomBaseline'] !== 'boolean')
      throw new LabRequestError('randomBaseline', 'must be true or false');
    request = {
      ...common,
      kind: 'lab',
      algo: decodeAlgo(value['algo'], 'algo'),
      levels: [...new Set(levels)].sort((a, b) => a - b),
      randomBaseline: value['randomBaseline'],
      durations: decodeDurations(value['durations']),
    };
  } else if (value['kind'] === 'race') {
    const competitors = list(value['competitors'], 'competitors').map((c, i) => {
      const label = isRecord(c) ? c['label'] : undefined;
      if (typeof label !== 'string' || label.trim() === '' || label.length > 60)
        throw new LabRequestError(`competitors[${i}].label`, 'must be a short name');
      return { label, algo: decodeAlgo((c as Record<string, unknown>)['algo'], `competitors[${i}].algo`) };
    });
    request = { ...common, kind: 'race', competitors };
  } else {
    throw new LabRequestError('kind', `must be 'lab' or 'race' (got ${shown(value['kind'])})`);
  }
  const trials = armCount(request) * request.seeds * request.maxEvals;
  if (trials > LAB_LIMITS.totalTrials)
    throw new LabRequestError(
      'The request',
      `would simulate ${trials.toLocaleString('en')} trials, more than ${LAB_LIMITS.totalTrials.toLocaleString('en')}; use fewer seeds, levels or evals`,
    );
  return request;
}

/** Lines the request draws: parallelism levels (plus the baseline) or competitors. */
export function armCount(request: LabRequest): number {
  return request.kind === 'lab'
    ? request.levels.length + (request.randomBaseline ? 1 : 0)
    : request.competitors.length;
}
