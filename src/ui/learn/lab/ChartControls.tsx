/** Above the lab's and the race's charts: the legend and the switch to plot the gap to the known minimum. */
import { useId } from 'react';
import { SeriesLegend } from './BandChart';
import type { BandSeries } from './BandChart';

export function ChartControls({
  series,
  knownMin,
  gap,
  onGapChange,
}: {
  series: readonly Pick<BandSeries, 'name' | 'color' | 'dashed'>[];
  knownMin: number;
  gap: boolean;
  onGapChange: (gap: boolean) => void;
}) {
  const gapId = useId();
  return (
    <div className="lab-chart-controls">
      <SeriesLegend series={series} label="Chart legend" />
      <label htmlFor={gapId} className="lab-inline">
        <input id={gapId} type="checkbox" checked={gap} onChange={(e) => onGapChange(e.target.checked)} /> Gap
        to the known minimum ({knownMin}), log scale
      </label>
    </div>
  );
}
