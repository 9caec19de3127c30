/**
 * Conversions between a point's `vals` and Hyperopt's trial `misc` form (hyperopt/base.py,
 * `Trials.new_trial_docs` / `miscs_update_idxs_vals`): every label of the space is present, with
 * `idxs[label] = [tid]` and `vals[label] = [value]` when active and `[]` when inactive.
 */
import { isActive } from './active';
import { SpaceError } from './errors';
import type { CompiledSpace, Vals } from './types';

/**
 * The misc `idxs`/`vals` of trial `tid` for a point's `vals` (active labels only, as `sampleVals`
 * returns them). Values given for inactive labels are dropped.
 *
 * @throws SpaceError when an active label has no value, or `vals` names a label not in the space.
 */
export function valsToMisc(
  space: CompiledSpace,
  tid: number,
  vals: Vals,
): { idxs: Record<string, number[]>; vals: Record<string, number[]> } {
  for (const label of Object.keys(vals)) {
    if (!space.byLabel.has(label)) {
      throw new SpaceError({ label, path: label, problem: 'is not a hyperparameter of this space' });
    }
  }
  const idxs: Record<string, number[]> = {};
  const miscVals: Record<string, number[]> = {};
  for (const param of space.params) {
    const label = param.label;
    if (isActive(param, vals)) {
      const value = vals[label];
      if (value === undefined) {
        throw new SpaceError({
          label,
          kind: param.expr.$hp,
          path: label,
          problem: 'no value given for this active hyperparameter',
        });
      }
      idxs[label] = [tid];
      miscVals[label] = [value];
    } else {
      idxs[label] = [];
      miscVals[label] = [];
    }
  }
  return { idxs, vals: miscVals };
}

/**
 * The point's `vals` from a misc `vals`: one-element lists unpacked, empty lists (inactive labels)
 * omitted, as Hyperopt's `Trials.argmin` does (hyperopt/base.py).
 */
export function miscToVals(misc: { vals: Record<string, number[]> }): Vals {
  const out: Vals = {};
  for (const label of Object.keys(misc.vals)) {
    const list = misc.vals[label]!;
    if (list.length > 0) out[label] = list[0]!;
  }
  return out;
}
