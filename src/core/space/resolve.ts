import { compileSpace, isCompiledSpace } from './validate';
import type { CompiledSpace, SpaceNode } from './types';

/** Compiled forms of spaces passed uncompiled, so that repeated calls validate only once. */
const compiledCache = new WeakMap<object, CompiledSpace>();

/**
 * The compiled form of `space`: itself when already compiled, otherwise `compileSpace(space)`,
 * remembered per root object (a space must not be mutated after its first use).
 */
export function resolveSpace(space: SpaceNode | CompiledSpace): CompiledSpace {
  if (isCompiledSpace(space)) return space;
  if (typeof space !== 'object' || space === null) return compileSpace(space);
  let compiled = compiledCache.get(space);
  if (compiled === undefined) {
    compiled = compileSpace(space);
    compiledCache.set(space, compiled);
  }
  return compiled;
}
