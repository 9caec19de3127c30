/**
 * The `'believer'` lie: each pending trial is given the loss of its nearest finished trial.
 *
 * Ginsbourger et al. (2010) proposed two ways to propose a batch from a sequential optimiser: the
 * constant liar and the kriging believer, which pretends a pending point returned the model's own
 * prediction. TPE has no regression model, so this uses the simplest consistent predictor, the
 * nearest neighbour. The effect on TPE: a pending trial next to the best trials is believed good and
 * joins l(x) (TPE keeps refining there), one in a poor region is believed poor and joins g(x), so
 * only proposals in poor regions are pushed apart. A constant pessimistic lie instead puts every
 * pending trial in g(x), which also pushes proposals out of the good region itself.
 *
 * Distances are taken where TPE models the values: log values for the log kinds, option indices
 * compared for equality for the discrete kinds; each numeric label is scaled by the range of its
 * values in the history, so that every label weighs alike.
 */
import type { CompiledSpace } from '../../space/types';
import { transformOf } from './observations';
import type { TrialHistory } from './split';

/** How one label enters the distance. */
interface Axis {
  label: string;
  /** Compared for equality only (choice, pchoice, randint). */
  discrete: boolean;
  log: boolean;
  floor: number;
}

function axesOf(history: TrialHistory, space: CompiledSpace | undefined): Axis[] {
  if (space !== undefined) {
    return space.params.map((param) => {
      const t = transformOf(param);
      return { label: param.label, discrete: !t.sorted, log: t.log, floor: t.floor };
    });
  }
  // Without the space every label is compared as a plain number.
  const labels = new Set<string>();
  for (const doc of history.docs) for (const label of Object.keys(doc.misc.vals)) labels.add(label);
  return [...labels].map((label) => ({ label, discrete: false, log: false, floor: 0 }));
}

/** Each document's value on `axis` in model space, NaN where the label is inactive. */
function column(history: TrialHistory, axis: Axis): Float64Array {
  const values = new Float64Array(history.docs.length);
  history.docs.forEach((doc, i) => {
    const raw = doc.misc.vals[axis.label]?.[0];
    if (raw === undefined) values[i] = NaN;
    else if (axis.log) values[i] = Math.log(axis.floor > 0 && raw < axis.floor ? axis.floor : raw);
    else values[i] = raw;
  });
  return values;
}

/**
 * The believed loss of each pending position: the loss of the nearest position in `finished`
 * (squared distances summed over labels; a label active in only one of the two trials counts as a
 * full unit apart). Ties go to the earlier finished trial.
 *
 * @param finished - history positions with a finite loss; must not be empty.
 */
export function believedLosses(
  history: TrialHistory,
  pending: readonly number[],
  finished: readonly number[],
  space?: CompiledSpace,
): Float64Array {
  const axes = axesOf(history, space);
  const columns = axes.map((axis) => column(history, axis));
  const scales = axes.map((axis, a) => {
    if (axis.discrete) return 1;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of columns[a]!) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return hi > lo ? hi - lo : 1;
  });
  const lies = new Float64Array(pending.length);
  pending.forEach((p, k) => {
    let nearest = Infinity;
    let lie = Infinity;
    for (const f of finished) {
      let d = 0;
      for (let a = 0; a < axes.length && d < nearest; a++) {
        const u = columns[a]![p]!;
        const v = columns[a]![f]!;
        if (Number.isNaN(u) || Number.isNaN(v)) d += Number.isNaN(u) === Number.isNaN(v) ? 0 : 1;
        else if (axes[a]!.discrete) d += u === v ? 0 : 1;
        else d += ((u - v) / scales[a]!) ** 2;
      }
      if (d < nearest) {
        nearest = d;
        lie = history.losses[f]!;
      }
    }
    lies[k] = lie;
  });
  return lies;
}
