import type { Param } from './types';

/**
 * True when every choice condition of `param` holds in `vals`, i.e. the parameter is on the branch
 * that `vals` selects (Hyperopt lists exactly these labels with a non-empty `idxs` entry).
 */
export function isActive(param: Param, vals: Readonly<Record<string, unknown>>): boolean {
  const conditions = param.conditions;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i]!;
    if (vals[c.label] !== c.index) return false;
  }
  return true;
}
