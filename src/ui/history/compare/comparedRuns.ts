/**
 * What the compare view reads from the store, as plain data: each compared parent run with its child
 * runs, and their trials flattened into one list of points for the charts.
 */
import type { Run } from '../../../tracking';

export interface ComparedRun {
  run: Run;
  /** The parent's child runs (its trials, for an fmin run). */
  children: Run[];
}

/** One trial of a compared run. */
export interface TrialPoint {
  /** Index of its run in the compared list. */
  runIndex: number;
  tid: number;
  /** The loss of a trial that finished ok; null for failed, cancelled or unfinished ones. */
  loss: number | null;
  /** Active hyperparameters (choices as option indices). */
  vals: Readonly<Record<string, number>>;
  /** When it ended, in ms after its parent run started; null while running. */
  endMs: number | null;
}

/** The trials of the compared runs: children recorded from an fmin trial, in run then tid order. */
export function trialPoints(runs: readonly ComparedRun[]): TrialPoint[] {
  const out: TrialPoint[] = [];
  runs.forEach(({ run, children }, runIndex) => {
    const points: TrialPoint[] = [];
    for (const child of children) {
      const trial = child.trial;
      if (trial === null) continue;
      const ok = trial.outcome === 'ok' && child.status === 'FINISHED' && Number.isFinite(trial.loss);
      points.push({
        runIndex,
        tid: trial.tid,
        loss: ok ? trial.loss : null,
        vals: trial.vals,
        endMs: child.endTime === null ? null : Math.max(0, child.endTime - run.startTime),
      });
    }
    out.push(...points.sort((a, b) => a.tid - b.tid));
  });
  return out;
}

/** Points with a loss: what the loss charts and the importance analysis use. */
export function finishedPoints(points: readonly TrialPoint[]): (TrialPoint & { loss: number })[] {
  return points.filter((p): p is TrialPoint & { loss: number } => p.loss !== null);
}

/** A name per run for legends and column headers: its name, with a short id when two share one. */
export function runLabels(runs: readonly ComparedRun[]): string[] {
  const names = runs.map((r) => r.run.name);
  return runs.map(({ run }) =>
    names.filter((n) => n === run.name).length > 1 ? `${run.name} (${run.id.slice(0, 6)})` : run.name,
  );
}

/** The colour of the i-th compared run (compare.css defines eight and they repeat after). */
export const runColor = (index: number) => `var(--run-${(index % 8) + 1})`;
