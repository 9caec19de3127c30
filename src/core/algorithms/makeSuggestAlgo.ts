/**
 * Declares a suggest algorithm with a name and default options, so that it is both a plain
 * `SuggestFn` (Hyperopt's `algo(new_ids, domain, trials, seed)`) and describable as data.
 */
import type { JsonValue, NewTrial } from '../trials/types';
import type { Domain, SuggestAlgo, TrialsView } from './types';

/** The body of an algorithm: Hyperopt's suggest signature plus the resolved options. */
export type SuggestImpl<Options extends Record<string, JsonValue>> = (
  newIds: number[],
  domain: Domain,
  trials: TrialsView,
  seed: number,
  options: Readonly<Options>,
) => NewTrial[];

/**
 * Builds a {@link SuggestAlgo}. `.with(partial)` returns a new algo with those options replaced
 * (Hyperopt's `functools.partial(tpe.suggest, gamma=0.5)`); unknown option names are rejected so
 * that a typo in a stored spec fails loudly instead of being ignored.
 */
export function makeSuggestAlgo<Options extends Record<string, JsonValue>>(
  name: string,
  defaults: Options,
  impl: SuggestImpl<Options>,
): SuggestAlgo<Options> {
  const options: Readonly<Options> = Object.freeze({ ...defaults });
  const suggest = (newIds: number[], domain: Domain, trials: TrialsView, seed: number): NewTrial[] =>
    impl(newIds, domain, trials, seed, options);
  const withOptions = (partial: Partial<Options>): SuggestAlgo<Options> => {
    for (const key of Object.keys(partial)) {
      if (!Object.prototype.hasOwnProperty.call(defaults, key)) {
        const known = Object.keys(defaults);
        throw new RangeError(
          `Unknown option "${key}" for algorithm "${name}" (known options: ${known.length > 0 ? known.join(', ') : 'none'}).`,
        );
      }
    }
    const merged = { ...options } as Options;
    for (const [key, value] of Object.entries(partial)) {
      if (value !== undefined) (merged as Record<string, JsonValue>)[key] = value as JsonValue;
    }
    return makeSuggestAlgo(name, merged, impl);
  };
  return Object.assign(suggest, { algoName: name, options, with: withOptions });
}
