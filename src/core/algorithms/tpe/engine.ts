/**
 * One TPE proposal: the body of `tpe.suggest` after the startup phase (tpe.py:904-956 with
 * `build_posterior`, tpe.py:653-749). `suggest` and `explainTpe` both run this; the explanation only
 * asks it to keep what it computed for one label.
 */
import { createRng } from '../../random';
import type { Rng } from '../../random/types';
import { isActive } from '../../space/active';
import type { CompiledSpace, Vals } from '../../space/types';
import type { TrialDoc } from '../../trials/types';
import { buildPosteriors } from './posterior';
import type { ParamPosterior, PosteriorPair } from './posterior';
import { rawGroups } from './labelSplit';
import { applyLiar } from './liar';
import { historyIndex } from './observations';
import { readHistory, splitTrials } from './split';
import type { TrialHistory, TrialSplit } from './split';
import type { Posterior, TpeOptions } from './types';

/** What the engine computed for the traced label. */
export interface LabelTrace {
  posteriors: PosteriorPair<ParamPosterior>;
  belowObservations: Float64Array;
  aboveObservations: Float64Array;
  candidates: Float64Array;
  logL: Float64Array;
  logG: Float64Array;
  scores: Float64Array;
  winnerIndex: number;
}

/** The result of {@link runTpe}. */
export interface TpeRun {
  vals: Vals;
  history: TrialHistory;
  split: TrialSplit;
  /** Set when a trace label was given and that label was active in the proposal. */
  trace: LabelTrace | null;
}

/**
 * Proposes one point. Hyperparameters are visited in the space's depth-first order, so a choice is
 * decided before the parameters inside its options; a parameter whose conditions the proposal does not
 * meet gets no value (Hyperopt: its candidates are the ids where the chosen branch holds — all 24 or
 * none, since the choice's best value is broadcast to every candidate id).
 */
export function runTpe(
  space: CompiledSpace,
  docs: readonly TrialDoc[],
  seed: number,
  options: Readonly<TpeOptions>,
  traceLabel: string | null = null,
): TpeRun {
  const rng = createRng(seed);
  const { history, splitSize } = applyLiar(readHistory(docs), options.liar, space);
  const split = splitTrials(history, options.gamma, splitSize);
  const index = historyIndex(space, history.docs);
  const vals: Vals = {};
  let trace: LabelTrace | null = null;
  for (const param of space.params) {
    if (!isActive(param, vals)) continue;
    const obs = index.observations(param);
    const posteriors = buildPosteriors(param.expr, obs, split, options);
    const n = options.nEICandidates;
    const record = param.label === traceLabel ? newRecord(n) : null;
    vals[param.label] = bestCandidate(posteriors.below, posteriors.above, n, rng, record);
    if (record !== null) {
      const groups = rawGroups(obs, split);
      trace = { posteriors, belowObservations: groups.below, aboveObservations: groups.above, ...record };
    }
  }
  return { vals, history, split, trace };
}

interface CandidateRecord {
  candidates: Float64Array;
  logL: Float64Array;
  logG: Float64Array;
  scores: Float64Array;
  winnerIndex: number;
}

function newRecord(n: number): CandidateRecord {
  const f = () => new Float64Array(n);
  return { candidates: f(), logL: f(), logG: f(), scores: f(), winnerIndex: -1 };
}

/** Relative tolerance of the first, coarse evaluation of g (see {@link bestCandidate}). */
const COARSE_TOLERANCE = 2 ** -10;
const COARSE_ERROR = Math.log1p(COARSE_TOLERANCE);

/**
 * Draws `n` candidates from l, scores each by log l(x) − log g(x) and returns the winner (its index
 * goes to `record`). `broadcast_best` (tpe.py:641-650) uses `np.argmax`: the first maximum, except
 * that a NaN score (e.g. log 0 − log 0) wins over everything, the first NaN first.
 *
 * g is the expensive density (one component per past trial), so it is first evaluated from below
 * within a relative tolerance of 2⁻¹⁰: each score is then known to lie in [hi − COARSE_ERROR, hi].
 * Only the candidates that could still beat the best lower end are re-scored exactly, so the winner
 * is the exact argmax (first index on ties) at a fraction of the cost. A traced run scores everything
 * exactly.
 */
function bestCandidate(
  below: Posterior,
  above: Posterior,
  n: number,
  rng: Rng,
  record: CandidateRecord | null,
): number {
  // Hyperopt draws all candidates (one GMM1 call of size n), then scores them.
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = below.sample(rng);
  const hi = new Float64Array(n);
  const exact = new Uint8Array(n);
  let leader = -1;
  let leaderLow = -Infinity;
  let firstNaN = -1;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    if (record !== null) {
      const logL = below.logPdf(x);
      const logG = above.logPdf(x);
      record.candidates[i] = x;
      record.logL[i] = logL;
      record.logG[i] = logG;
      record.scores[i] = hi[i] = logL - logG;
      exact[i] = 1;
    } else {
      // Scores up to a per-label constant (the truncation normalisers of l and g): same winner.
      const logL = below.logScore(x);
      hi[i] = logL - above.logScore(x, COARSE_TOLERANCE);
      if (!Number.isFinite(hi[i]!)) {
        hi[i] = logL - above.logScore(x); // infinities and NaN: only exact values decide
        exact[i] = 1;
      }
    }
    // A finite coarse score has a finite exact one, so NaN shows up here or never.
    if (Number.isNaN(hi[i]!)) {
      if (firstNaN < 0) firstNaN = i;
      if (record === null) break;
      continue;
    }
    const low = exact[i] === 1 ? hi[i]! : hi[i]! - COARSE_ERROR;
    if (leader < 0 || low > leaderLow) {
      leader = i;
      leaderLow = low;
    }
  }
  let winner = firstNaN;
  if (winner < 0) {
    // Candidates whose upper end reaches the leader's lower end could still win; the others are
    // strictly below the leader's exact score and can neither be nor tie with the maximum.
    let contenders = 0;
    for (let i = 0; i < n; i++) if (hi[i]! >= leaderLow) contenders++;
    if (contenders === 1) {
      winner = leader;
    } else {
      let winnerScore = -Infinity;
      for (let i = 0; i < n; i++) {
        if (hi[i]! < leaderLow) continue;
        const score = exact[i] === 1 ? hi[i]! : below.logScore(xs[i]!) - above.logScore(xs[i]!);
        if (winner < 0 || score > winnerScore) {
          winner = i;
          winnerScore = score;
        }
      }
    }
  }
  if (record !== null) record.winnerIndex = winner;
  return xs[winner]!;
}
