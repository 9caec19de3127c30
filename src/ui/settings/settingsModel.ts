/**
 * The Settings region's form state (text, as typed) and its translation into a RunRequest. Pure, so
 * the rules (what is required, what is unset) live in one place.
 */
import { resolveParallelism } from '../../runtime/pool/parallelism';
import { RUN_REQUEST_VERSION, type RunRequest, type TrialsKind } from '../../runtime/run/runRequest';

export interface SettingsDraft {
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
    algo: { name: draft.algo },
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
  return request;
}
