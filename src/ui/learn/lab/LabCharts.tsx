/** The lab's two charts: best-so-far against completed trials and against virtual wall time. */
import { useMemo, useState } from 'react';
import type { ParallelLabResult } from '../../../runtime/lab/labProtocol';
import { Deferred } from '../../charts/Deferred';
import { BandChart, CHART_HEIGHT, CHART_STAGGER_MS, shiftSeries } from './BandChart';
import type { BandSeries } from './BandChart';
import { ChartControls } from './ChartControls';
import { armStyle } from './armStyle';

export default function LabCharts({ result }: { result: ParallelLabResult }) {
  // Best-so-far curves flatten fast: gaps to the optimum on a log scale show the late progress.
  const [gap, setGap] = useState(true);
  const { arms } = result.summary;
  const { maxEvals } = result.request;
  const [byTrial, byTime] = useMemo(() => {
    const series = (pick: 'byTrial' | 'byTime'): BandSeries[] =>
      arms.map((arm, i) => ({ ...armStyle(arm, i, maxEvals), points: arm[pick] }));
    const knownMin = gap ? result.knownMin : undefined;
    return [shiftSeries(series('byTrial'), knownMin), shiftSeries(series('byTime'), knownMin)];
  }, [arms, maxEvals, gap, result.knownMin]);
  const yLabel = gap ? 'best loss − known min' : 'best loss so far';
  return (
    <div className="lab-charts">
      <ChartControls series={byTrial} knownMin={result.knownMin} gap={gap} onGapChange={setGap} />
      <p className="muted lab-chart-note">
        Lines: median over {result.seeds.length} seeds; shaded: the middle half of the seeds (25–75 %).
      </p>
      <div className="lab-chart-grid">
        <Deferred delayMs={0} height={CHART_HEIGHT}>
          <BandChart
            title="Best loss so far against completed trials"
            xLabel="trials completed"
            yLabel={yLabel}
            series={byTrial}
            log={gap}
            step={false}
          />
        </Deferred>
        <Deferred delayMs={CHART_STAGGER_MS} height={CHART_HEIGHT}>
          <BandChart
            title="Best loss so far against wall time (virtual)"
            xLabel="virtual time"
            yLabel={yLabel}
            series={byTime}
            log={gap}
            step
          />
        </Deferred>
      </div>
    </div>
  );
}
