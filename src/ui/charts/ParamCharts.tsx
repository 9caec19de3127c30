import { useId, useMemo, useState } from 'react';
import { ResponsiveContainer, ScatterChart, XAxis, YAxis } from 'recharts';
import type { TrialRow } from '../../runtime/run/progress';
import { formatLoss } from '../results/format';
import { extent, linearAxis } from './axisDomain';
import { Deferred } from './Deferred';
import { paramSeries, type ParamPoint } from './chartData';
import {
  numberAxis,
  CHART_MARGIN,
  PointLayer,
  useStableAxis,
  type PlotPoint,
  type PlotSeries,
} from './PointLayer';

const PLOT_PX = 200;
/** The two plots mount this long after the loss chart and after each other (one per task). */
const STAGGER_MS = 60;

function Plot({
  data,
  x,
  y,
  title,
}: {
  data: readonly ParamPoint[];
  x: keyof ParamPoint;
  y: keyof ParamPoint;
  title: string;
}) {
  const plotted = useMemo(() => {
    const points = data.map((p) => ({ tid: p.tid, x: p[x], y: p[y] }));
    const series: PlotSeries[] = [{ name: title, mark: 'circle', className: 'series-3', points }];
    return {
      series,
      x: linearAxis(extent(points, (p) => p.x)),
      y: linearAxis(extent(points, (p) => p.y)),
    };
  }, [data, x, y, title]);
  const xAxis = useStableAxis(plotted.x);
  const yAxis = useStableAxis(plotted.y);
  const describe = (_: PlotSeries, p: PlotPoint) =>
    `trial ${p.tid}: ${x} ${formatLoss(p.x)}, ${y} ${formatLoss(p.y)}`;
  return (
    <figure className="chart" aria-label={title}>
      <figcaption className="chart-title">{title}</figcaption>
      <ResponsiveContainer width="100%" height={PLOT_PX}>
        <ScatterChart margin={CHART_MARGIN}>
          <XAxis dataKey="x" name={x} {...numberAxis(xAxis)} />
          <YAxis dataKey="y" name={y} {...numberAxis(yAxis)} width={64} />
          <PointLayer series={plotted.series} grid={{ x: xAxis.ticks, y: yAxis.ticks }} describe={describe} />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** One parameter at a time: its value against loss, and against trial number (TPE concentrating). */
export function ParamCharts({ rows, labels }: { rows: readonly TrialRow[]; labels: readonly string[] }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const id = useId();
  const label = chosen !== undefined && labels.includes(chosen) ? chosen : labels[0];
  const data = useMemo(() => (label === undefined ? [] : paramSeries(rows, label)), [rows, label]);
  if (label === undefined) return null;
  return (
    <div className="param-charts">
      <label htmlFor={id} className="inline-label">
        Parameter{' '}
        <select id={id} value={label} onChange={(e) => setChosen(e.target.value)}>
          {labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <div className="chart-pair">
        <Deferred delayMs={STAGGER_MS} height={PLOT_PX}>
          <Plot data={data} x="value" y="loss" title={`${label} against loss`} />
        </Deferred>
        <Deferred delayMs={2 * STAGGER_MS} height={PLOT_PX}>
          <Plot data={data} x="tid" y="value" title={`${label} against trial number`} />
        </Deferred>
      </div>
    </div>
  );
}
