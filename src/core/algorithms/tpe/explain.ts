/**
 * `explainTpe`: what TPE did for one label, as plain JSON data for teaching views. It runs the very
 * computation `tpe.suggest` runs (same engine, same seed, same draws) and reports what it saw.
 */
import { isCompiledSpace } from '../../space/validate';
import { compileSpace } from '../../space/validate';
import type { CompiledSpace, ParamKind, SpaceNode, Vals } from '../../space/types';
import type { TrialDoc } from '../../trials/types';
import { rand } from '../rand';
import type { TrialsView } from '../types';
import { CategoricalPosterior } from './categorical';
import { runTpe } from './engine';
import { explainImproved } from './explainImproved';
import type { ImprovedLabelExplanation } from './explainImproved';
import type { LabelTrace } from './engine';
import { Lgmm1 } from './lgmm';
import type { Gmm1 } from './gmm';
import type { Mixture } from './parzen';
import { TPE_DEFAULTS, validateTpeOptions } from './suggest';
import type { TpeOptions } from './types';

/** A fitted mixture: components sorted by mean, the prior's position flagged. */
export interface MixtureExplanation {
  weights: number[];
  mus: number[];
  sigmas: number[];
  priorIndex: number;
  /** Truncation mass Σ w_k (Φ_k(high) − Φ_k(low)); 1 when untruncated. */
  pAccept: number;
}

interface CandidatesExplanation {
  /** Observations of this label in the below / above trials (tid order; log-kind values as stored). */
  belowObservations: number[];
  aboveObservations: number[];
  /** The candidates drawn from l, in draw order, and their scores. */
  candidates: number[];
  logL: number[];
  logG: number[];
  /** log l − log g. Non-finite only in degenerate cases (JSON turns ±∞/NaN into null). */
  scores: number[];
  winnerIndex: number;
  winner: number;
}

/** l and g of a numeric label: Hyperopt's GMM1 (own space) or LGMM1 (mixture in log space). */
export interface NumericLabelExplanation extends CandidatesExplanation {
  type: 'numeric';
  kind: ParamKind;
  family: 'GMM1' | 'LGMM1';
  /** True when mus/sigmas/low/high are in log space (LGMM1). */
  logSpace: boolean;
  /** Truncation bounds in the mixture's space, null when untruncated. */
  low: number | null;
  high: number | null;
  q: number | null;
  below: MixtureExplanation;
  above: MixtureExplanation;
}

/** l and g of a discrete label as probability vectors over offset + 0 … offset + K−1. */
export interface CategoricalLabelExplanation extends CandidatesExplanation {
  type: 'categorical';
  kind: ParamKind;
  offset: number;
  below: number[];
  above: number[];
}

/** What {@link explainTpe} returns. */
export interface TpeExplanation {
  label: string;
  seed: number;
  options: TpeOptions;
  /** 'startup': fewer than nStartupJobs trials, the proposal is rand.suggest's. */
  phase: 'startup' | 'tpe';
  /** The proposal `tpe.suggest` makes with this seed (active labels only). */
  proposal: Vals;
  split: {
    nTrials: number;
    gamma: number;
    nBelow: number;
    /** Below tids by ascending loss; above tids in tid order. */
    belowTids: number[];
    aboveTids: number[];
  } | null;
  /** False when the label is inactive in the proposal (a branch that was not chosen). */
  labelActive: boolean;
  /** Hyperopt's per-label l and g (null for `variant: 'improved'`, see `improved`). */
  model: NumericLabelExplanation | CategoricalLabelExplanation | null;
  /** `variant: 'improved'` only: the label's group model, with a note on how to read it. */
  improved?: ImprovedLabelExplanation | null;
}

/**
 * Explains the proposal that `tpe.suggest` (with `options`) makes for `seed`, focusing on `label`.
 * With `variant: 'improved'`, `model` is null and `improved` holds the label's group model.
 *
 * @param space - a space node or a compiled space.
 * @param trials - the history (a TrialsView or its trial documents).
 * @throws RangeError for an unknown label or invalid options.
 */
export function explainTpe(
  space: SpaceNode | CompiledSpace,
  trials: TrialsView | readonly TrialDoc[],
  label: string,
  seed: number,
  options: Partial<TpeOptions> = {},
): TpeExplanation {
  const compiled = isCompiledSpace(space) ? space : compileSpace(space);
  const param = compiled.byLabel.get(label);
  if (param === undefined) throw new RangeError(`explainTpe: "${label}" is not a label of this space`);
  const resolved: TpeOptions = { ...TPE_DEFAULTS, ...options };
  validateTpeOptions(resolved);
  const docs: readonly TrialDoc[] = isTrialsView(trials) ? trials.trials : trials;
  if (docs.length < resolved.nStartupJobs) {
    const [proposal] = rand.suggest([0], { space: compiled }, { trials: docs }, seed);
    const vals = proposal?.vals ?? {};
    return {
      label,
      seed,
      options: resolved,
      phase: 'startup',
      proposal: vals,
      split: null,
      labelActive: label in vals,
      model: null,
    };
  }
  if (resolved.variant === 'improved') return explainImproved(compiled, docs, label, seed, resolved);
  const run = runTpe(compiled, docs, seed, resolved, label);
  const { split, history } = run;
  const belowTids: number[] = [];
  for (const pos of split.belowByLoss) belowTids.push(history.tids[pos]!);
  const aboveTids: number[] = [];
  for (let i = 0; i < split.nTrials; i++) if (split.isBelow[i] === 0) aboveTids.push(history.tids[i]!);
  return {
    label,
    seed,
    options: resolved,
    phase: 'tpe',
    proposal: run.vals,
    split: { nTrials: split.nTrials, gamma: resolved.gamma, nBelow: split.nBelow, belowTids, aboveTids },
    labelActive: run.trace !== null,
    model: run.trace === null ? null : describeTrace(param.expr.$hp, run.trace),
  };
}

function isTrialsView(value: TrialsView | readonly TrialDoc[]): value is TrialsView {
  return !Array.isArray(value);
}

function describeTrace(
  kind: ParamKind,
  trace: LabelTrace,
): NumericLabelExplanation | CategoricalLabelExplanation {
  const common: CandidatesExplanation = {
    belowObservations: Array.from(trace.belowObservations),
    aboveObservations: Array.from(trace.aboveObservations),
    candidates: Array.from(trace.candidates),
    logL: Array.from(trace.logL),
    logG: Array.from(trace.logG),
    scores: Array.from(trace.scores),
    winnerIndex: trace.winnerIndex,
    winner: trace.candidates[trace.winnerIndex]!,
  };
  const { below, above } = trace.posteriors;
  if (below instanceof CategoricalPosterior && above instanceof CategoricalPosterior) {
    return {
      type: 'categorical',
      kind,
      offset: below.offset,
      below: Array.from(below.probabilities),
      above: Array.from(above.probabilities),
      ...common,
    };
  }
  const l = below as Gmm1 | Lgmm1;
  const g = above as Gmm1 | Lgmm1;
  return {
    type: 'numeric',
    kind,
    family: l instanceof Lgmm1 ? 'LGMM1' : 'GMM1',
    logSpace: l.logSpace,
    low: l.low,
    high: l.high,
    q: l.q,
    below: describeMixture(l.mixture, l.acceptance()),
    above: describeMixture(g.mixture, g.acceptance()),
    ...common,
  };
}

function describeMixture(mixture: Mixture, pAccept: number): MixtureExplanation {
  return {
    weights: Array.from(mixture.weights),
    mus: Array.from(mixture.mus),
    sigmas: Array.from(mixture.sigmas),
    priorIndex: mixture.priorIndex,
    pAccept,
  };
}
