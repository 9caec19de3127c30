/**
 * The `pSuggest` option of `mix.suggest` (hyperopt/mix.py, `suggest(..., p_suggest)`) as plain JSON
 * data: each sub-algorithm is named by its registry spec rather than passed as a function, so that a
 * run using mix can be described as data and rebuilt in a worker.
 */
import type { JsonValue } from '../../trials/types';
import { algoFromSpec } from '../registry';
import type { SuggestAlgo } from '../types';

/** A sub-algorithm of a mix: a registered name, or `{name, options}` as `algoToSpec` writes it. */
export type MixAlgoRef = string | { name: string; options?: { [key: string]: JsonValue } };

/** One `(probability, suggest)` pair of Hyperopt's `p_suggest`. */
export type MixEntry = [probability: number, algo: MixAlgoRef];

/** Options of `mix.suggest`. */
export type MixOptions = {
  /**
   * `[probability, algorithm]` pairs; each call picks one algorithm with its probability. The
   * probabilities must be ≥ 0 and sum to 1 (within numpy's `isclose`). Default
   * `[[0.1, 'rand'], [0.2, 'anneal'], [0.7, 'tpe']]`, the example of mix.py's docstring.
   */
  pSuggest: MixEntry[];
};

/** The default mixture (mix.py's docstring example). */
export const MIX_DEFAULTS: Readonly<MixOptions> = Object.freeze({
  pSuggest: deepFreeze<MixEntry[]>([
    [0.1, 'rand'],
    [0.2, 'anneal'],
    [0.7, 'tpe'],
  ]),
});

/** numpy's `isclose(total, 1.0)` with its defaults: |total − 1| ≤ atol + rtol·1. */
const SUM_TOLERANCE = 1e-8 + 1e-5;

const show = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The sub-algorithm a reference names (registry lookup, options applied and validated). */
function resolveRef(ref: unknown, where: string): SuggestAlgo {
  const fail = (problem: string): never => {
    throw new RangeError(`mix: ${where}: ${problem}`);
  };
  if (typeof ref === 'string') {
    try {
      return algoFromSpec({ name: ref });
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  }
  if (!isPlainObject(ref) || typeof ref.name !== 'string') {
    return fail(`the algorithm must be a registered name or {name, options} (got ${show(ref)})`);
  }
  if (ref.options !== undefined && !isPlainObject(ref.options)) {
    return fail(`options of algorithm "${ref.name}" must be an object (got ${show(ref.options)})`);
  }
  try {
    const options = ref.options as { [key: string]: JsonValue } | undefined;
    return algoFromSpec(options === undefined ? { name: ref.name } : { name: ref.name, options });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** The checked mixture: probabilities and the algorithms they choose between. */
export interface ResolvedMix {
  readonly ps: readonly number[];
  readonly algos: readonly SuggestAlgo[];
}

/**
 * Checks `pSuggest` and resolves its algorithms through the registry. mix.py raises
 * `ValueError("Probabilities should sum to 1")` unless `np.isclose(sum(ps), 1.0)`, and numpy's
 * multinomial rejects negative or NaN probabilities; both are checked here, with the entry named.
 *
 * @throws RangeError naming the first problem (entry index, probability, algorithm name).
 */
export function validateMixOptions(options: Readonly<MixOptions>): ResolvedMix {
  const entries: unknown = options.pSuggest;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new RangeError(
      `mix: option pSuggest must be a non-empty array of [probability, algorithm] pairs (got ${show(entries)})`,
    );
  }
  const ps: number[] = [];
  const algos: SuggestAlgo[] = [];
  entries.forEach((entry: unknown, i) => {
    const where = `pSuggest[${i}]`;
    if (!Array.isArray(entry) || entry.length !== 2) {
      throw new RangeError(`mix: ${where} must be a [probability, algorithm] pair (got ${show(entry)})`);
    }
    const p: unknown = entry[0];
    if (typeof p !== 'number' || !Number.isFinite(p) || p < 0) {
      throw new RangeError(`mix: ${where}: probability must be a finite number ≥ 0 (got ${show(p)})`);
    }
    ps.push(p);
    algos.push(resolveRef(entry[1], where));
  });
  const total = ps.reduce((a, b) => a + b, 0);
  if (!(Math.abs(total - 1) <= SUM_TOLERANCE)) {
    throw new RangeError(
      `mix: the probabilities of pSuggest must sum to 1 (got ${ps.join(' + ')} = ${total})`,
    );
  }
  return { ps, algos };
}

/** A deep copy of `pSuggest`, frozen, so later edits of the caller's arrays cannot change a mix. */
export function freezePSuggest(entries: readonly MixEntry[]): MixEntry[] {
  return deepFreeze(JSON.parse(JSON.stringify(entries)) as MixEntry[]);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
