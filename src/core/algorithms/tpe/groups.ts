/**
 * Parameter groups of the improved TPE and their observations. A group is a set of parameters that
 * are active in exactly the same trials: those under the same choice conditions (the top level, or
 * one option of a choice). That is the tree-structured version of Optuna's `group=True`
 * decomposition, known from the space instead of inferred from the trials. A multivariate kernel
 * models one group jointly; independent (univariate) TPE makes every parameter its own group.
 */
import type { CompiledSpace, Param } from '../../space/types';
import { dimOf } from './dims';
import type { CategoricalDim, NumericDim } from './dims';

/** Parameters decided together, split by kind (numeric first, in space order). */
export interface ParamGroup {
  /** Members in space order; the first decides when the group is visited. */
  readonly params: readonly Param[];
  readonly numericParams: readonly Param[];
  readonly categoricalParams: readonly Param[];
  readonly numeric: readonly NumericDim[];
  readonly categorical: readonly CategoricalDim[];
}

const cache = {
  joint: new WeakMap<CompiledSpace, ParamGroup[]>(),
  single: new WeakMap<CompiledSpace, ParamGroup[]>(),
};

function makeGroup(params: Param[]): ParamGroup {
  const dims = params.map(dimOf);
  const numericParams = params.filter((_, i) => dims[i]!.kind === 'numeric');
  const categoricalParams = params.filter((_, i) => dims[i]!.kind === 'categorical');
  return {
    params,
    numericParams,
    categoricalParams,
    numeric: dims.filter((d): d is NumericDim => d.kind === 'numeric'),
    categorical: dims.filter((d): d is CategoricalDim => d.kind === 'categorical'),
  };
}

/**
 * The groups of `space` in the order of their first members (a choice's group comes before the groups
 * of its options, so conditions are decided first). `joint` false gives one group per parameter.
 */
export function paramGroups(space: CompiledSpace, joint: boolean): readonly ParamGroup[] {
  const store = joint ? cache.joint : cache.single;
  const known = store.get(space);
  if (known !== undefined) return known;
  const byKey = new Map<string, Param[]>();
  for (const param of space.params) {
    const key = joint
      ? param.conditions.map((c) => `${c.label}\u0000${c.index}`).join('\u0001')
      : param.label;
    const members = byKey.get(key);
    if (members === undefined) byKey.set(key, [param]);
    else members.push(param);
  }
  const groups = [...byKey.values()].map(makeGroup);
  store.set(space, groups);
  return groups;
}
