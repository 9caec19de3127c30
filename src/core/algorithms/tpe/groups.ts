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
import type { GroupRows } from './kernelFit';
import type { HistoryIndex, LabelObservations } from './observations';

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

/** A group's rows and the history position of each. */
export interface GroupObservations extends GroupRows {
  readonly docPos: Int32Array;
}

/**
 * Rows of the group: the trials in which every member has a value, in tid order. Members share
 * their conditions, so in a history made from this space their observation lists coincide; the merge
 * below also copes with a history where they do not (it keeps the trials where all are present).
 */
export function groupObservations(group: ParamGroup, index: HistoryIndex): GroupObservations {
  const members = group.params.map((p) => index.observations(p));
  const numObs = group.numericParams.map((p) => index.observations(p));
  const catObs = group.categoricalParams.map((p) => index.observations(p));
  const lead = members[0]!;
  const cursors = new Int32Array(members.length);
  const positions: number[] = [];
  const picks: number[][] = members.map(() => []);
  for (let o = 0; o < lead.count; o++) {
    const pos = lead.docPos[o]!;
    let all = true;
    for (let g = 1; g < members.length && all; g++) all = advance(members[g]!, cursors, g, pos);
    if (!all) continue;
    positions.push(pos);
    picks[0]!.push(o);
    for (let g = 1; g < members.length; g++) picks[g]!.push(cursors[g]!);
  }
  const n = positions.length;
  const nn = numObs.length;
  const nc = catObs.length;
  const num = new Float64Array(n * nn);
  const cat = new Int32Array(n * nc);
  const pickOf = (obs: LabelObservations) => picks[members.indexOf(obs)]!;
  numObs.forEach((obs, j) => {
    const at = pickOf(obs);
    for (let i = 0; i < n; i++) num[i * nn + j] = obs.model[at[i]!]!;
  });
  catObs.forEach((obs, c) => {
    const at = pickOf(obs);
    const { offset, size } = group.categorical[c]!;
    for (let i = 0; i < n; i++) {
      const index = obs.raw[at[i]!]! - offset;
      // As the faithful engine (categorical.ts): a history from another space is an error, not a guess.
      if (!Number.isInteger(index) || index < 0 || index >= size) {
        throw new RangeError(
          `TPE: observed value ${obs.raw[at[i]!]} is not one of the ${size} values of this parameter`,
        );
      }
      cat[i * nc + c] = index;
    }
  });
  return { n, num, cat, docPos: Int32Array.from(positions) };
}

/** Moves member g's cursor to history position `pos`; true when that member has a value there. */
function advance(obs: LabelObservations, cursors: Int32Array, g: number, pos: number): boolean {
  let c = cursors[g]!;
  while (c < obs.count && obs.docPos[c]! < pos) c++;
  cursors[g] = c;
  return c < obs.count && obs.docPos[c] === pos;
}
