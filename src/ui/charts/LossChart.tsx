import { useId, useMemo, useState } from 'react';
import { ComposedChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { TrialRow } from '../../runtime/run/progress';
import { formatLoss } from '../results/format';
import { extent, linearAxis, logAxis } from './axisDomain';
import { lossSeries } from './chartData';
import {
  numberAxis,
  CHART_MARGIN,
  PointLayer,
  PointLegend,
  useStableAxis,
  type PlotSeries,
} from './PointLayer';

const describe = (s: PlotSeries, p: { tid: number; y: number }) =>
  s.mark === 'cross' || s.mark === 'diamond'
    ? `trial ${p.tid}: ${s.name}`
    : `trial ${p.tid}: loss ${formatLoss(p.y)}`;

/** Loss per trial with the best-so-far line; failed and cancelled trials marked along the top. */
export function LossChart({ rows }: { rows: readonly TrialRow[] }) {
  const [log, setLog] = useState(false);
  const id = useId();
  const data = useMemo(() => lossSeries(rows), [rows]);
  const useLog = log && data.positive;
  const plotted = useMemo(() => {
    const series: PlotSeries[] = [
      {
        name: 'loss',
        mark: 'circle',
        className: 'series-1',
        points: data.ok.map((p) => ({ tid: p.tid, x: p.tid, y: p.loss })),
      },
      {
        name: 'best so far',
        mark: 'step',
        className: 'series-2',
        points: data.best.map((p) => ({ tid: p.tid, x: p.tid, y: p.best })),
      },
    ];
    for (const [status, mark, className] of [
      ['failed', 'cross', 'series-fail'],
      ['cancelled', 'diamond', 'series-muted'],
    ] as const) {
      const marks = data.marks.filter((m) => m.status === status);
      if (marks.length > 0)
        series.push({
          name: status,
          mark,
          className,
          points: marks.map((m) => ({ tid: m.tid, x: m.tid, y: m.loss })),
        });
    }
    const ys = extent(
      series.flatMap((s) => s.points),
      (p) => p.y,
    );
    return {
      series,
      x: linearAxis(extent(rows, (r) => r.tid)),
      y: useLog ? logAxis(ys) : linearAxis(ys),
    };
  }, [data, rows, useLog]);
  const xAxis = useStableAxis(plotted.x);
  const yAxis = useStableAxis(plotted.y);
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id} className="chart-title">
        Loss per trial, with the best so far
        <label className="inline-label">
          <input
            type="checkbox"
            checked={useLog}
            disabled={!data.positive}
            onChange={(e) => setLog(e.target.checked)}
          />{' '}
          Log scale{data.positive ? '' : ' (needs positive losses)'}
        </label>
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart margin={CHART_MARGIN}>
          <XAxis dataKey="x" name="trial" {...numberAxis(xAxis)} />
          <YAxis
            dataKey="y"
            name="loss"
            scale={useLog ? 'log' : 'linear'}
            {...numberAxis(yAxis)}
            width={64}
          />
          <PointLayer series={plotted.series} grid={{ x: xAxis.ticks, y: yAxis.ticks }} describe={describe} />
        </ComposedChart>
      </ResponsiveContainer>
      <PointLegend series={plotted.series} />
    </figure>
  );
}
