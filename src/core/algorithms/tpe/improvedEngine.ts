/**
 * One proposal of the improved TPE. Same outline as Hyperopt's (split the history into good and bad
 * trials, fit l and g, draw candidates from l, keep the best l/g), with these changes, each a knob
 * (improvedOptions.ts): the split schedule, joint kernels per parameter group, the bandwidth rule,
 * weights of the good trials, per-branch splits, and the candidates' scope (one group at a time, or
 * whole configurations scored over the tree). Pending trials are read through the same liar as the
 * faithful engine.
 */
import { createRng } from '../../random';
import type { Rng } from '../../random/types';
import { isActive } from '../../space/active';
import type { CompiledSpace, Vals } from '../../space/types';
import type { TrialDoc } from '../../trials/types';
import { valueOf } from './dims';
import type { NumericDim } from './dims';
import { fitGroupModel } from './groupModel';
import type { GroupModel } from './groupModel';
import { paramGroups } from './groups';
import { groupObservations } from './groupRows';
import type { ParamGroup } from './groups';
import { EPS } from './numerics';
import { applyLiar } from './liar';
import { historyIndex } from './observations';
import { readHistory } from './split';
import type { TrialHistory, TrialSplit } from './split';
import { belowCountFor, splitAt } from './splitAt';
import type { TpeOptions } from './types';

/** One round of candidates: the groups they cover, every candidate, its score, and the winner. */
export interface CandidateRound {
  readonly groups: readonly ParamGroup[];
  readonly candidates: readonly Vals[];
  readonly scores: readonly number[];
  readonly winnerIndex: number;
}

/** Everything one proposal computed, for explanations. */
export interface ImprovedRun {
  readonly vals: Vals;
  readonly history: TrialHistory;
  readonly split: TrialSplit;
  /** Every group model that was fitted (all groups the candidates reached). */
  readonly models: ReadonlyMap<ParamGroup, GroupModel>;
  /** One round over the whole tree (treeScoring), or one per group decided in turn. */
  readonly rounds: readonly CandidateRound[];
}

/** Proposes one point (active labels only). */
export function runImprovedTpe(
  space: CompiledSpace,
  docs: readonly TrialDoc[],
  seed: number,
  settings: Readonly<TpeOptions>,
): Vals {
  return traceImprovedTpe(space, docs, seed, settings, false).vals;
}

/** {@link runImprovedTpe} with what it computed; `keepRounds` also keeps every candidate. */
export function traceImprovedTpe(
  space: CompiledSpace,
  docs: readonly TrialDoc[],
  seed: number,
  settings: Readonly<TpeOptions>,
  keepRounds = true,
): ImprovedRun {
  const rng = createRng(seed);
  const { history, splitSize } = applyLiar(readHistory(docs), settings.liar, space);
  const split = splitAt(history, belowCountFor(settings.gammaSchedule, splitSize, settings.gamma));
  const index = historyIndex(space, history.docs);
  const models = new Map<ParamGroup, GroupModel>();
  const modelOf = (group: ParamGroup): GroupModel => {
    let model = models.get(group);
    if (model === undefined) {
      model = fitGroupModel(group, groupObservations(group, index), history, split, settings);
      models.set(group, model);
    }
    return model;
  };
  const rounds: CandidateRound[] = [];
  const keep = keepRounds ? rounds : null;
  const groups = paramGroups(space, settings.multivariate);
  let vals: Vals = {};
  if (settings.treeScoring) vals = bestConfiguration(groups, modelOf, settings, rng, {}, keep);
  else {
    for (const group of groups) {
      if (isActive(group.params[0]!, vals))
        vals = bestConfiguration([group], modelOf, settings, rng, vals, keep);
    }
  }
  return { vals, history, split, models, rounds };
}

/**
 * Draws `nEICandidates` configurations of the active groups among `groups` (given the values already
 * in `fixed`) and returns the one with the largest Σ over its groups of log l − log g. With the whole
 * tree this is the l/g of the full configuration, since both densities factor along the tree:
 * l(kind, y) = l(kind)·l(y | kind). The first maximum wins; NaN scores never do.
 */
function bestConfiguration(
  groups: readonly ParamGroup[],
  modelOf: (group: ParamGroup) => GroupModel,
  s: Readonly<TpeOptions>,
  rng: Rng,
  fixed: Vals,
  rounds: CandidateRound[] | null,
): Vals {
  let best = 0;
  let bestScore = -Infinity;
  const candidates: Vals[] = [];
  const scores: number[] = [];
  for (let c = 0; c < s.nEICandidates; c++) {
    const vals: Vals = { ...fixed };
    let score = 0;
    for (const group of groups) {
      if (isActive(group.params[0]!, vals)) score += drawGroup(modelOf(group), rng, vals);
    }
    candidates.push(vals);
    scores.push(score);
    if (c === 0 || score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  rounds?.push({ groups, candidates, scores, winnerIndex: best });
  return candidates[best]!;
}

/** Draws one candidate for the group into `vals` and returns its log l − log g. */
function drawGroup(model: GroupModel, rng: Rng, vals: Vals): number {
  const { group } = model;
  const num = new Float64Array(group.numeric.length);
  const cat = new Int32Array(group.categorical.length);
  model.below.sample(rng, num, cat);
  snap(group.numeric, num);
  group.numericParams.forEach((p, j) => (vals[p.label] = valueOf(group.numeric[j]!, num[j]!)));
  group.categoricalParams.forEach((p, c) => (vals[p.label] = group.categorical[c]!.offset + cat[c]!));
  const score = model.below.logPdf(num, cat) - model.above.logPdf(num, cat);
  return Number.isNaN(score) ? -Infinity : score;
}

/** Moves quantised draws to the model-space point of their quantised value, where they are scored. */
function snap(dims: readonly NumericDim[], num: Float64Array): void {
  for (let j = 0; j < dims.length; j++) {
    const dim = dims[j]!;
    if (dim.q === null) continue;
    const value = valueOf(dim, num[j]!);
    const floor = dim.low > -Infinity ? Math.max(EPS, Math.exp(dim.low)) : EPS;
    num[j] = dim.log ? Math.log(Math.max(value, floor)) : value;
  }
}
