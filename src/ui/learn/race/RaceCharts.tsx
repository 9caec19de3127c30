/** The race's charts: the EDF of final losses and the best-so-far curves (a lazily loaded chunk). */
import { useMemo, useState } from 'react';
import type { RaceResult } from '../../../runtime/lab/labProtocol';
import { Deferred } from '../../charts/Deferred';
import { BandChart, CHART_HEIGHT, CHART_STAGGER_MS, shiftSeries } from '../lab/BandChart';
import type { BandSeries } from '../lab/BandChart';
import { ChartControls } from '../lab/ChartControls';
import { EdfChart } from './EdfChart';
import type { EdfSeries } from './EdfChart';
import { competitorStyle } from './raceStyle';

/** Smallest gap drawn on a log axis. */
const FLOOR = 1e-9;

export default function RaceCharts({ result }: { result: RaceResult }) {
  // Best-so-far curves flatten fast: gaps to the optimum on a log scale show the late progress.
  const [gap, setGap] = useState(true);
  const { knownMin } = result;
  const [edfs, curves] = useMemo(() => {
    const styles = result.entries.map((e, i) => competitorStyle(e.label, i));
    const shift = (x: number) => (gap ? Math.max(FLOOR, x - knownMin) : x);
    const edfSeries: EdfSeries[] = result.entries.map((e, i) => ({
      ...styles[i]!,
      points: e.edf.map((p) => ({ x: shift(p.x), p: p.p })),
    }));
    const bands: BandSeries[] = result.entries.map((e, i) => ({ ...styles[i]!, points: e.byTrial }));
    return [edfSeries, shiftSeries(bands, gap ? knownMin : undefined)];
  }, [result, gap, knownMin]);
  return (
    <div className="lab-charts">
      <ChartControls series={curves} knownMin={knownMin} gap={gap} onGapChange={setGap} />
      <div className="lab-chart-grid">
        <Deferred delayMs={0} height={CHART_HEIGHT}>
          <EdfChart series={edfs} xLabel={gap ? 'final loss − known min' : 'final best loss'} log={gap} />
        </Deferred>
        <Deferred delayMs={CHART_STAGGER_MS} height={CHART_HEIGHT}>
          <BandChart
            title="Best loss so far against trials (median, 25–75 %)"
            xLabel="trials completed"
            yLabel={gap ? 'best loss − known min' : 'best loss so far'}
            series={curves}
            log={gap}
            step={false}
          />
        </Deferred>
      </div>
    </div>
  );
}
