/**
 * Algorithms by name, so a run can be described as plain data (`{name, options}`) and rebuilt in a
 * worker. Each algorithm module registers itself when imported (rand here; tpe, anneal, mix later).
 */
import type { JsonValue } from '../trials/types';
import type { SuggestAlgo } from './types';

/** A run's algorithm as data. */
export interface AlgoSpec {
  name: string;
  options?: Record<string, JsonValue>;
}

const registry = new Map<string, SuggestAlgo>();

/**
 * Makes `algo` (with its default options) available under `algo.algoName`. Registering a second,
 * different algo under a taken name is an error; registering the same one again is a no-op.
 */
export function registerAlgo(algo: SuggestAlgo): void {
  const existing = registry.get(algo.algoName);
  if (existing !== undefined && existing !== algo) {
    throw new Error(`An algorithm named "${algo.algoName}" is already registered.`);
  }
  registry.set(algo.algoName, algo);
}

/** The registered algo of that name (default options), or undefined. */
export function getRegisteredAlgo(name: string): SuggestAlgo | undefined {
  return registry.get(name);
}

/** Names of every registered algorithm, in registration order. */
export function registeredAlgoNames(): string[] {
  return [...registry.keys()];
}

/** Rebuilds an algo from its spec; throws on an unknown name or option. */
export function algoFromSpec(spec: AlgoSpec): SuggestAlgo {
  const base = registry.get(spec.name);
  if (base === undefined) {
    const known = registeredAlgoNames();
    throw new RangeError(
      `Unknown algorithm "${spec.name}" (registered: ${known.length > 0 ? known.join(', ') : 'none'}). ` +
        'Import its module (e.g. the tpe module) before describing a run with it.',
    );
  }
  return spec.options === undefined ? base : base.with(spec.options);
}

/** The spec of an algo; throws when its name is not registered (the spec could not be rebuilt). */
export function algoToSpec(algo: SuggestAlgo): AlgoSpec {
  if (!registry.has(algo.algoName)) {
    throw new RangeError(`Algorithm "${algo.algoName}" is not registered, so its spec could not be rebuilt.`);
  }
  return { name: algo.algoName, options: { ...algo.options } };
}
