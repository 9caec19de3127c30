/**
 * The Settings region's form state (text, as typed) and its translation into a RunRequest. Pure, so
 * the rules (what is required, what is unset) live in one place.
 */
import type { AlgoSpec, JsonValue } from '../../core';
import { TPE_IMPROVED } from '../../core/algorithms/tpe/improvedOptions';
import { resolveParallelism } from '../../runtime/pool/parallelism';
import { RUN_REQUEST_VERSION, type RunRequest, type TrialsKind } from '../../runtime/run/runRequest';

/** The Algorithm choices: Hyperopt's suggest functions (and this port's improved TPE). */
export const ALGORITHMS = [
  {
    value: 'tpe',
    label: 'TPE',
    hint: "tpe.suggest, Hyperopt's default: models good and bad trials separately.",
  },
  {
    value: 'tpe.improved',
    label: 'TPE (improved)',
    hint: 'tpe.improved: TPE with joint kernels over parameters that are active together (beyond Hyperopt).',
  },
  { value: 'rand', label: 'random', hint: 'rand.suggest: independent draws from the prior; the baseline.' },
  { value: 'anneal', label: 'anneal', hint: 'anneal.suggest: samples ever closer to the best trial so far.' },
  { value: 'mix', label: 'mix', hint: 'mix.suggest: each trial picks random, anneal or TPE at random.' },
] as const;

/** The run's algorithm as data, from the Algorithm field's value. */
export function algoSpec(value: string): AlgoSpec {
  if (value === 'tpe.improved')
    return { name: 'tpe', options: { ...(TPE_IMPROVED as Record<string, JsonValue>) } };
  return { name: value };
}

export interface SettingsDraft {
  /** A value of {@link ALGORITHMS}. */
  algo: string;
  maxEvals: string;
  trialsKind: TrialsKind;
  /** Empty means unset: the machine's logical cores. */
  parallelism: string;
  /** Seconds; empty means none. */
  timeout: string;
  perTrialTimeout: string;
  maxQueueLen: string;
  /** noProgressLoss's iteration_stop_count; empty means no early stopping. */
  earlyStopRounds: string;
  /** fmin's loss_threshold: stop once a loss at or below it is found; empty means none. */
  lossThreshold: string;
  /** fmin's rstate seed; empty means a new random seed each run. */
  seed: string;
  language: 'typescript' | 'javascript';
}

export function defaultSettings(cores: number): SettingsDraft {
  return {
    algo: 'tpe',
    maxEvals: '50',
    trialsKind: 'WorkerTrials',
    parallelism: String(Math.max(1, cores)),
    timeout: '',
    perTrialTimeout: '30',
    maxQueueLen: '1',
    earlyStopRounds: '',
    lossThreshold: '',
    seed: '',
    language: 'typescript',
  };
}

/** Notes to show under the parallelism input (warnings, shared cores). */
export function parallelismNotes(draft: SettingsDraft, cores: number): string[] {
  if (draft.trialsKind === 'Trials') return ['Trials evaluates one trial at a time.'];
  const text = draft.parallelism.trim();
  const requested = text === '' ? undefined : Number(text);
  if (requested !== undefined && Number.isNaN(requested)) return ['Parallelism must be a number.'];
  const resolution = resolveParallelism(requested, cores);
  const notes = [...resolution.warnings];
  if (resolution.sharesCores) {
    notes.push(
      `${resolution.actual} trials at once on ${cores} logical ${cores === 1 ? 'core' : 'cores'}: trials will share cores.`,
    );
  }
  return notes;
}

const optional = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/** Builds the request; the driver validates it again and names any wrong setting. */
export function toRunRequest(draft: SettingsDraft, space: unknown, source: string): RunRequest {
  const request: RunRequest = {
    version: RUN_REQUEST_VERSION,
    space,
    objective: { source, language: draft.language },
    algo: algoSpec(draft.algo),
    maxEvals: Number(draft.maxEvals),
    trialsKind: draft.trialsKind,
    maxQueueLen: optional(draft.maxQueueLen) ?? 1,
  };
  const parallelism = optional(draft.parallelism);
  if (parallelism !== undefined && draft.trialsKind === 'WorkerTrials') request.parallelism = parallelism;
  const timeout = optional(draft.timeout);
  if (timeout !== undefined) request.timeout = timeout;
  const perTrial = optional(draft.perTrialTimeout);
  if (perTrial !== undefined) request.perTrialTimeout = perTrial;
  const rounds = optional(draft.earlyStopRounds);
  if (rounds !== undefined)
    request.earlyStop = { kind: 'noProgressLoss', iterationStopCount: rounds, percentIncrease: 0 };
  const threshold = optional(draft.lossThreshold);
  if (threshold !== undefined) request.lossThreshold = threshold;
  const seed = optional(draft.seed);
  if (seed !== undefined) request.seed = seed;
  return request;
}
