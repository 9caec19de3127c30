/**
 * The live charts of a run (loaded lazily with recharts: their own chunk). Data arrives throttled
 * (see Charts.tsx) and every series is downsampled, so 10,000 trials stay smooth.
 */
import { memo } from 'react';
import type { RunView } from '../../runtime/run/progress';
import { LossChart } from './LossChart';
import { ParamCharts } from './ParamCharts';
import { WorkerTimeline } from './WorkerTimeline';

export interface RunChartsProps {
  run: RunView;
  /** Parameter labels of the run's space, in order. */
  labels: readonly string[];
  elapsedMs: number;
}

/** Memoised: the Results region re-renders ten times a second, the charts only when their data moves. */
export default memo(function RunCharts({ run, labels, elapsedMs }: RunChartsProps) {
  const lanes = run.parallelism?.actual ?? 1;
  return (
    <div className="run-charts">
      <LossChart rows={run.rows} />
      <ParamCharts rows={run.rows} labels={labels} />
      <WorkerTimeline rows={run.rows} lanes={lanes} elapsedMs={elapsedMs} />
    </div>
  );
});
