/**
 * A run as plain, versioned data: what the page sends the driver to start fmin. The driver checks
 * it with `decodeRunRequest` (the page -> driver boundary) before anything runs, so a mistake is a
 * sentence naming the setting, not a failure deep inside fmin.
 */
import type { AlgoSpec, JsonValue } from '../../core';
import { countedTrials, decodeResume, type ResumeState } from './resume';
import { RunRequestError } from './runRequestError';

export { RunRequestError };

/** Bump when the shape changes. */
export const RUN_REQUEST_VERSION = 1;

export type TrialsKind = 'Trials' | 'WorkerTrials';

/** Hyperopt's `no_progress_loss(iteration_stop_count, percent_increase)`. */
export interface EarlyStopSettings {
  kind: 'noProgressLoss';
  iterationStopCount: number;
  percentIncrease: number;
}

export interface RunRequest {
  version: typeof RUN_REQUEST_VERSION;
  /** A space document (`toSpaceDocument`); compiled by the driver. */
  space: unknown;
  objective: { source: string; language: 'typescript' | 'javascript' };
  algo: AlgoSpec;
  maxEvals: number;
  /** 'Trials': one trial at a time (still sandboxed); 'WorkerTrials': a pool of `parallelism`. */
  trialsKind: TrialsKind;
  /** WorkerTrials only; unset or <= 0 means the machine's logical cores. */
  parallelism?: number;
  /** Seconds for the whole run (WorkerTrials' timeout, which overrides fmin's). */
  timeout?: number;
  /** Seconds one trial may run before its worker is ended (beyond Hyperopt). */
  perTrialTimeout?: number;
  /** Suggestions generated ahead (Hyperopt's max_queue_len). */
  maxQueueLen: number;
  earlyStop?: EarlyStopSettings;
  lossThreshold?: number;
  seed?: number;
  /** The trials of the run this one continues (Resume); fmin seeds its Trials with them. */
  resume?: ResumeState;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function optionalNumber(
  r: Record<string, unknown>,
  field: string,
  ok: (n: number) => boolean,
  rule: string,
): number | undefined {
  const value = r[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !ok(value))
    throw new RunRequestError(field, `${rule} (got ${JSON.stringify(value) ?? String(value)})`);
  return value;
}

const positiveSeconds = (n: number) => Number.isFinite(n) && n > 0;

function decodeEarlyStop(value: unknown): EarlyStopSettings | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value) || value['kind'] !== 'noProgressLoss')
    throw new RunRequestError('earlyStop', "must be {kind: 'noProgressLoss', …}");
  const count =
    optionalNumber(
      value,
      'iterationStopCount',
      (n) => Number.isInteger(n) && n >= 1,
      'must be an integer >= 1',
    ) ?? 20;
  const percent = optionalNumber(value, 'percentIncrease', Number.isFinite, 'must be a number') ?? 0;
  return { kind: 'noProgressLoss', iterationStopCount: count, percentIncrease: percent };
}

function decodeAlgo(value: unknown): AlgoSpec {
  if (!isRecord(value) || typeof value['name'] !== 'string' || value['name'] === '') {
    throw new RunRequestError('algo', 'must name an algorithm, e.g. {name: "tpe"}');
  }
  const options = value['options'];
  if (options !== undefined && !isRecord(options))
    throw new RunRequestError('algo.options', 'must be an object');
  return options === undefined
    ? { name: value['name'] }
    : { name: value['name'], options: options as Record<string, JsonValue> };
}

/** Validates a run request. @throws RunRequestError naming the first wrong setting. */
export function decodeRunRequest(value: unknown): RunRequest {
  if (!isRecord(value)) throw new RunRequestError('The run request', 'must be an object');
  if (value['version'] !== RUN_REQUEST_VERSION) {
    throw new RunRequestError(
      'The run request version',
      `must be ${RUN_REQUEST_VERSION} (got ${String(value['version'])}); reload the page`,
    );
  }
  const objective = value['objective'];
  if (!isRecord(objective) || typeof objective['source'] !== 'string')
    throw new RunRequestError('objective', 'must carry the source code');
  if (objective['source'].trim() === '')
    throw new RunRequestError(
      'The objective',
      'is empty; write a function objective(params, run) and export it as default',
    );
  const language = objective['language'];
  if (language !== 'typescript' && language !== 'javascript')
    throw new RunRequestError('objective.language', "must be 'typescript' or 'javascript'");
  const trialsKind = value['trialsKind'];
  if (trialsKind !== 'Trials' && trialsKind !== 'WorkerTrials')
    throw new RunRequestError('trialsKind', "must be 'Trials' or 'WorkerTrials'");
  const maxEvals = optionalNumber(
    value,
    'maxEvals',
    (n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000,
    'must be a whole number from 1 to 1,000,000',
  );
  if (maxEvals === undefined) throw new RunRequestError('maxEvals', 'is required');
  const request: RunRequest = {
    version: RUN_REQUEST_VERSION,
    space: value['space'],
    objective: { source: objective['source'], language },
    algo: decodeAlgo(value['algo']),
    maxEvals,
    trialsKind,
    maxQueueLen:
      optionalNumber(
        value,
        'maxQueueLen',
        (n) => Number.isInteger(n) && n >= 1 && n <= 1000,
        'must be a whole number from 1 to 1,000',
      ) ?? 1,
  };
  const parallelism = optionalNumber(value, 'parallelism', Number.isFinite, 'must be a number');
  if (parallelism !== undefined) request.parallelism = parallelism;
  const timeout = optionalNumber(value, 'timeout', positiveSeconds, 'must be a positive number of seconds');
  if (timeout !== undefined) request.timeout = timeout;
  const perTrial = optionalNumber(
    value,
    'perTrialTimeout',
    positiveSeconds,
    'must be a positive number of seconds',
  );
  if (perTrial !== undefined) request.perTrialTimeout = perTrial;
  const earlyStop = decodeEarlyStop(value['earlyStop']);
  if (earlyStop !== undefined) request.earlyStop = earlyStop;
  const lossThreshold = optionalNumber(value, 'lossThreshold', Number.isFinite, 'must be a finite number');
  if (lossThreshold !== undefined) request.lossThreshold = lossThreshold;
  const seed = optionalNumber(value, 'seed', Number.isSafeInteger, 'must be a whole number');
  if (seed !== undefined) request.seed = seed;
  if (value['resume'] !== undefined && value['resume'] !== null) {
    const resume = decodeResume(value['resume']);
    const counted = countedTrials(resume);
    if (maxEvals <= counted)
      throw new RunRequestError(
        'maxEvals',
        `must be larger than the ${counted} trials the run already has to continue it (got ${maxEvals})`,
      );
    request.resume = resume;
  }
  return request;
}
