/**
 * `pointsToEvaluate`: Hyperopt's fmin.py:generate_trials_to_calculate turns each point into a NEW
 * trial document that fmin evaluates before asking the algorithm for anything.
 *
 * How many trials run in total (checked in hyperopt/fmin.py: fmin, FMinIter.exhaust and FMinIter.run): fmin builds the
 * Trials from the points, then FMinIter.exhaust runs `max_evals - len(trials)` new trials, and
 * len(trials) already counts the NEW point trials, so the total is `max_evals` (points included),
 * whatever the old docstring says ("len(points_to_evaluate) + max_evals"). Hyperopt's test
 * test_early_stop_no_progress_loss relies on it. Two edge cases differ on purpose: with
 * `max_evals <= len(points)` Hyperopt's loop never runs (N <= 0), leaving the points unevaluated
 * and then failing in argmin; here all points are evaluated when maxEvals equals their number, and
 * more points than maxEvals is an error.
 */
import { compileSpace, isActive, isCompiledSpace, valsToMisc } from '../space';
import type { CompiledSpace, SpaceNode, Vals } from '../space/types';
import { Trials } from '../trials/trials';
import { newTrialDoc } from '../trials/docs';
import { isRecord } from '../trials/json';
import { FminOptionError } from './errors';
import type { PendingTrial } from './queue';

const OPTION = 'pointsToEvaluate';

function checkValue(space: CompiledSpace, label: string, value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new FminOptionError(OPTION, `${at}.${label} must be a finite number (got ${String(value)})`);
  const expr = space.byLabel.get(label)!.expr;
  if (expr.$hp === 'choice' || expr.$hp === 'pchoice') {
    if (!Number.isInteger(value) || value < 0 || value >= expr.options.length) {
      throw new FminOptionError(
        OPTION,
        `${at}.${label} must be an option index 0..${expr.options.length - 1} (got ${value})`,
      );
    }
  } else if (expr.$hp === 'randint' && (!Number.isInteger(value) || value < expr.low || value >= expr.high)) {
    throw new FminOptionError(
      OPTION,
      `${at}.${label} must be an integer in [${expr.low}, ${expr.high}) (got ${value})`,
    );
  }
  return value;
}

/**
 * Checks one point: known labels, finite numbers, valid choice indices, every active label given
 * and no inactive one (Hyperopt stores whatever is given; here a stray value would be silently
 * dropped, so it is reported instead).
 */
export function checkPoint(space: CompiledSpace, point: unknown, index: number): Vals {
  const at = `[${index}]`;
  if (!isRecord(point)) throw new FminOptionError(OPTION, `${at} must be an object label -> value`);
  const vals: Vals = {};
  for (const [label, value] of Object.entries(point)) {
    if (!space.byLabel.has(label))
      throw new FminOptionError(OPTION, `${at}.${label} is not a hyperparameter of the space`);
    vals[label] = checkValue(space, label, value, at);
  }
  for (const param of space.params) {
    const active = isActive(param, vals);
    if (active && vals[param.label] === undefined)
      throw new FminOptionError(OPTION, `${at} has no value for the active hyperparameter ${param.label}`);
    if (!active && vals[param.label] !== undefined) {
      throw new FminOptionError(
        OPTION,
        `${at}.${param.label} is given but inactive for this point (its choice selects another option)`,
      );
    }
  }
  return vals;
}

/** NEW trials for points already checked with `checkPoint`, with the given tids. */
export function pointsToPending(
  space: CompiledSpace,
  points: readonly Vals[],
  tids: readonly number[],
  expKey: string | null,
): PendingTrial[] {
  return points.map((vals, i) => {
    const tid = tids[i]!;
    return { doc: newTrialDoc(tid, valsToMisc(space, tid, vals), expKey), vals };
  });
}

/**
 * Hyperopt's `generate_trials_to_calculate(points)`: a Trials holding one NEW trial per point, to
 * pass to fmin as `trials`. Unlike Hyperopt it needs the space, to store every label (inactive ones
 * as []) as algorithms expect.
 */
export function generateTrialsToCalculate(
  points: readonly Readonly<Record<string, number>>[],
  space: SpaceNode | CompiledSpace,
): Trials {
  const compiled = isCompiledSpace(space) ? space : compileSpace(space);
  const trials = new Trials();
  const checked = points.map((point, i) => checkPoint(compiled, point, i));
  const pending = pointsToPending(compiled, checked, trials.newTrialIds(points.length), trials.expKey);
  trials.insertTrialDocs(
    pending.map((p) => p.doc),
    false,
  );
  return trials;
}
