import type { CompiledSpace } from '../space/types';
import type { TrialDoc, NewTrial, JsonValue } from '../trials/types';

/** What an algorithm sees of the trials: every document so far, in tid order (pending ones too). */
export interface TrialsView {
  readonly trials: readonly TrialDoc[];
}

/** Hyperopt's `Domain`: here only the compiled space (the objective never reaches the algorithm). */
export interface Domain {
  readonly space: CompiledSpace;
}

/**
 * Hyperopt's `algo(new_ids, domain, trials, seed)`. Returns up to `newIds.length` proposals (TPE
 * returns one per call, as Hyperopt does); an empty array tells fmin to stop.
 */
export type SuggestFn = (newIds: number[], domain: Domain, trials: TrialsView, seed: number) => NewTrial[];

/**
 * A suggest function that also knows its name and options, so that a run can be described as plain
 * data (`{name, options}`) and rebuilt in a worker. `with` is Hyperopt's `partial(tpe.suggest, ...)`.
 */
export interface SuggestAlgo<Options extends Record<string, JsonValue> = Record<string, JsonValue>> {
  (newIds: number[], domain: Domain, trials: TrialsView, seed: number): NewTrial[];
  readonly algoName: string;
  readonly options: Readonly<Options>;
  with(options: Partial<Options>): SuggestAlgo<Options>;
}
