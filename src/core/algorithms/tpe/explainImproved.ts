/**
 * `explainTpe` for the improved variant: the same proposal `tpe.suggest` makes (same engine, same
 * seed), and what the label's group model looked like. The improved densities are joint over a group
 * of labels, so per label they are shown as their marginals, and the candidates are whole
 * configurations scored jointly; the explanation says so in its `note`.
 */
import type { CompiledSpace, ParamKind } from '../../space/types';
import type { TrialDoc } from '../../trials/types';
import type { TpeExplanation } from './explain';
import type { GroupModel } from './groupModel';
import { traceImprovedTpe } from './improvedEngine';
import type { ProductKernel } from './productKernel';
import type { TpeOptions } from './types';

/** A density's marginal on one label. */
export type MarginalExplanation =
  | {
      type: 'numeric';
      /** One normal per component (the prior last), each truncated to [low, high] on its own. */
      weights: number[];
      mus: number[];
      sigmas: number[];
      priorIndex: number;
      /** True when mus/sigmas/low/high are in log space (the log kinds). */
      logSpace: boolean;
      low: number | null;
      high: number | null;
      q: number | null;
    }
  | { type: 'categorical'; offset: number; probabilities: number[] };

/** What the improved variant did for one label. */
export interface ImprovedLabelExplanation {
  type: 'improved';
  kind: ParamKind;
  /** Labels modelled jointly with this one (its group; just this label when multivariate is off). */
  group: string[];
  /** How to read this explanation. */
  note: string;
  /** Rows of the group in its good set (l) and in the rest (g). */
  nBelow: number;
  nAbove: number;
  below: MarginalExplanation;
  above: MarginalExplanation;
  /** This label's values in the good / other trials (tid order, as stored in the trials). */
  belowObservations: number[];
  aboveObservations: number[];
  /** This label's value in each candidate configuration (null where the label is inactive). */
  candidates: (number | null)[];
  /** Each candidate's score: Σ log l − log g over the groups it activates (or this group's alone). */
  scores: number[];
  winnerIndex: number;
  winner: number;
}

function marginal(kernel: ProductKernel, model: GroupModel, label: string): MarginalExplanation {
  const { group } = model;
  const j = group.numericParams.findIndex((p) => p.label === label);
  if (j < 0) {
    const c = group.categoricalParams.findIndex((p) => p.label === label);
    return {
      type: 'categorical',
      offset: group.categorical[c]!.offset,
      probabilities: Array.from(kernel.categoricalMarginal(c)),
    };
  }
  const dim = group.numeric[j]!;
  const { mus, sigmas } = kernel.numericMarginal(j);
  return {
    type: 'numeric',
    weights: Array.from(kernel.componentWeights()),
    mus: Array.from(mus),
    sigmas: Array.from(sigmas),
    priorIndex: kernel.m - 1,
    logSpace: dim.log,
    low: Number.isFinite(dim.low) ? dim.low : null,
    high: Number.isFinite(dim.high) ? dim.high : null,
    q: dim.q,
  };
}

/** The improved-variant explanation of `label` for `seed` (after the startup phase). */
export function explainImproved(
  space: CompiledSpace,
  docs: readonly TrialDoc[],
  label: string,
  seed: number,
  options: Readonly<TpeOptions>,
): TpeExplanation {
  const run = traceImprovedTpe(space, docs, seed, options);
  const { split, history } = run;
  const belowTids = Array.from(split.belowByLoss, (pos) => history.tids[pos]!);
  const aboveTids: number[] = [];
  for (let i = 0; i < split.nTrials; i++) if (split.isBelow[i] === 0) aboveTids.push(history.tids[i]!);
  const active = label in run.vals;
  const model = [...run.models.values()].find((m) => m.group.params.some((p) => p.label === label));
  const round = run.rounds.find((r) => r.groups.some((g) => g.params.some((p) => p.label === label)));
  const base: TpeExplanation = {
    label,
    seed,
    options: { ...options },
    phase: 'tpe',
    proposal: run.vals,
    split: { nTrials: split.nTrials, gamma: options.gamma, nBelow: split.nBelow, belowTids, aboveTids },
    labelActive: active,
    model: null,
    improved: null,
  };
  if (!active || model === undefined || round === undefined) return base;
  const value = (pos: number) => history.docs[pos]!.misc.vals[label]![0]!;
  const belowObservations: number[] = [];
  const aboveObservations: number[] = [];
  for (let i = 0; i < model.rows.n; i++)
    (model.good[i] === 1 ? belowObservations : aboveObservations).push(value(model.rows.docPos[i]!));
  const labels = model.group.params.map((p) => p.label);
  const scope = options.treeScoring
    ? 'whole configurations over the tree'
    : `values of the group [${labels.join(', ')}]`;
  return {
    ...base,
    improved: {
      type: 'improved',
      kind: model.group.params.find((p) => p.label === label)!.expr.$hp,
      group: labels,
      note:
        `variant 'improved': l and g are ${options.multivariate ? 'joint kernels over the group' : 'kernels of this label alone'} ` +
        `(${labels.join(', ')}); 'below'/'above' are their marginals on this label (each component a normal ` +
        `truncated to the bounds on its own, the prior last). Candidates are ${scope}, scored by the sum of ` +
        "log l − log g over the groups they activate; `candidates` holds this label's value in each. The proposal " +
        'and the split are exactly those tpe.suggest makes with this seed.',
      nBelow: model.nBelow,
      nAbove: model.rows.n - model.nBelow,
      below: marginal(model.below, model, label),
      above: marginal(model.above, model, label),
      belowObservations,
      aboveObservations,
      candidates: round.candidates.map((c) => (label in c ? c[label]! : null)),
      scores: [...round.scores],
      winnerIndex: round.winnerIndex,
      winner: run.vals[label]!,
    },
  };
}
