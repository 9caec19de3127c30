/**
 * Parameter importance of the compared runs (PED-ANOVA, src/core/analysis/pedAnova.ts), computed a
 * parameter at a time in slices that yield to the browser: for 3 runs of 10,000 trials the whole
 * analysis takes a few hundred milliseconds, which in one task would freeze the page. The result is
 * exactly pedAnova's: each parameter's importance does not depend on the others, only the shares
 * (importance / their sum) and the order do, and those are finished here the same way.
 */
import { pedAnova, type ImportanceTrial, type ParamImportance } from '../../../core/analysis';
import type { TrialPoint } from './comparedRuns';
import type { ParamAxis } from './paramAxes';
import { runSliced } from './nextTask';

export interface ImportanceResult {
  /** Over the trials of every compared run together, most important first. */
  pooled: ParamImportance[];
  /** For each run alone, by parameter. */
  perRun: Map<string, ParamImportance>[];
}

/** Shares and order as pedAnova gives them, from each parameter's own result. */
export function finishImportance(rows: ParamImportance[]): ParamImportance[] {
  const sum = rows.reduce((s, r) => s + r.importance, 0);
  const out = rows.map((r) => ({ ...r, share: sum > 0 ? r.importance / sum : 0 }));
  return out.sort((a, b) => b.importance - a.importance || a.param.localeCompare(b.param));
}

/**
 * The importance of every axis over all `points` and over each of `runCount` runs' points, in
 * slices; undefined when `cancelled()` turned true first (the inputs changed or the view left).
 */
export async function computeImportance(
  axes: readonly ParamAxis[],
  points: readonly (TrialPoint & { loss: number })[],
  runCount: number,
  cancelled: () => boolean,
): Promise<ImportanceResult | undefined> {
  const all: ImportanceTrial[] = [];
  const byRun: ImportanceTrial[][] = Array.from({ length: runCount }, () => []);
  for (const p of points) {
    const trial = { loss: p.loss, vals: p.vals };
    all.push(trial);
    byRun[p.runIndex]?.push(trial);
  }
  const sets = [all, ...byRun];
  const rows: ParamImportance[][] = sets.map(() => []);
  const steps = sets.flatMap((trials, s) =>
    axes.map((axis) => () => {
      rows[s]!.push(...pedAnova(trials, { [axis.key]: axis.domain }));
    }),
  );
  if (!(await runSliced(steps, cancelled))) return undefined;
  const [pooled, ...perRun] = rows.map(finishImportance);
  return { pooled: pooled!, perRun: perRun.map((list) => new Map(list.map((r) => [r.param, r]))) };
}
