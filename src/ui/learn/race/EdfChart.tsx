/**
 * Empirical distribution functions of the final losses: for each loss x, the share of seeds that
 * ended at or below it. A curve further left (and up) is better on more seeds.
 */
import { useId, useMemo } from 'react';
import { ComposedChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { EdfPoint } from '../../../core/simulate/index';
import { extent, linearAxis, logAxis } from '../../charts/axisDomain';
import { numberAxis } from '../../charts/PointLayer';
import { MARGIN, xAxisLabel } from '../lab/BandChart';
import { BandLayer } from '../lab/BandLayer';
import type { LayerSeries } from '../lab/BandLayer';
import { sig3 } from '../lab/tradeOff';

export interface EdfSeries {
  name: string;
  color: string;
  dashed: boolean;
  points: readonly EdfPoint[];
}

const Y_AXIS = { domain: [0, 1] as [number, number], ticks: [0, 0.25, 0.5, 0.75, 1] };
const percent = (p: number) => `${Math.round(p * 100)}%`;

/** The steps as lines (no band), from 0 % at the best seed's loss up to 100 %. */
const asLine = (s: EdfSeries): LayerSeries => ({
  ...s,
  points: (s.points.length === 0 ? [] : [{ x: s.points[0]!.x, p: 0 }, ...s.points]).map((p) => ({
    x: p.x,
    median: p.p,
    lo: p.p,
    hi: p.p,
  })),
});

export function EdfChart({
  series,
  xLabel,
  log,
}: {
  series: readonly EdfSeries[];
  xLabel: string;
  log: boolean;
}) {
  const id = useId();
  const [lines, xAxis] = useMemo(() => {
    const xs = extent(
      series.flatMap((s) => s.points),
      (p) => p.x,
      log ? (v) => v > 0 && Number.isFinite(v) : Number.isFinite,
    );
    return [series.map(asLine), log ? logAxis(xs) : linearAxis(xs)];
  }, [series, log]);
  return (
    <figure className="lab-chart" aria-labelledby={id}>
      <figcaption id={id} className="lab-chart-title">
        Distribution of final losses over the seeds (EDF)
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart margin={MARGIN}>
          <XAxis
            dataKey="x"
            scale={log ? 'log' : 'linear'}
            {...numberAxis(xAxis)}
            tickFormatter={sig3}
            label={xAxisLabel(xLabel)}
          />
          <YAxis dataKey="median" {...numberAxis(Y_AXIS)} tickFormatter={percent} width={48} />
          <BandLayer series={lines} grid={{ x: xAxis.ticks, y: Y_AXIS.ticks }} step bands={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
