/**
 * Medians with their 25-75 % bands, one coloured series each, on shared axes (recharts; only ever
 * imported by lazily loaded chart modules, so recharts stays out of the topic's own chunk).
 */
import { useId, useMemo } from 'react';
import { ComposedChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { extent, linearAxis, logAxis } from '../../charts/axisDomain';
import { numberAxis } from '../../charts/PointLayer';
import { BandLayer } from './BandLayer';
import type { LayerSeries } from './BandLayer';
import { sig3 } from './tradeOff';

export type BandSeries = LayerSeries;

/** Each chart mounts in its own task (a recharts first mount is one synchronous render). */
export const CHART_STAGGER_MS = 50;
/** Height of a chart with its title, kept while it waits to mount. */
export const CHART_HEIGHT = 290;

/** Shared by the Learn charts (one object: recharts re-renders on a new one). */
export const MARGIN = { top: 8, right: 16, bottom: 20, left: 4 };
/** A y axis's title beside its ticks. */
export const yAxisLabel = (value: string) =>
  ({ value, angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 12, dy: 40 }) as const;
/** An x axis's title under its ticks. */
export const xAxisLabel = (value: string) =>
  ({ value, position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 12 }) as const;
/** Floor of a log axis: gaps below it are drawn at it. */
const LOG_FLOOR = 1e-9;

/** The series drawn as gaps to `knownMin` (for a log axis) or as they are. */
export function shiftSeries(series: readonly BandSeries[], knownMin: number | undefined): BandSeries[] {
  if (knownMin === undefined) return [...series];
  const gap = (v: number) => Math.max(LOG_FLOOR, v - knownMin);
  return series.map((s) => ({
    ...s,
    points: s.points.map((p) => ({ x: p.x, median: gap(p.median), lo: gap(p.lo), hi: gap(p.hi) })),
  }));
}

export function BandChart({
  title,
  xLabel,
  yLabel,
  series,
  log,
  step,
}: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly BandSeries[];
  log: boolean;
  /** Draw as steps (a best-so-far holds until the next improvement). */
  step: boolean;
}) {
  const id = useId();
  const [xAxis, yAxis] = useMemo(() => {
    const points = series.flatMap((s) => s.points);
    const ys = extent(
      points.flatMap((p) => [p.lo, p.hi]),
      (v) => v,
      log ? (v) => v > 0 && Number.isFinite(v) : Number.isFinite,
    );
    const xMax = extent(points, (p) => p.x)?.[1] ?? 1;
    return [linearAxis([0, xMax]), log ? logAxis(ys) : linearAxis(ys)];
  }, [series, log]);
  return (
    <figure className="lab-chart" aria-labelledby={id}>
      <figcaption id={id} className="lab-chart-title">
        {title}
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart margin={MARGIN}>
          <XAxis dataKey="x" {...numberAxis(xAxis)} tickFormatter={sig3} label={xAxisLabel(xLabel)} />
          <YAxis
            dataKey="median"
            scale={log ? 'log' : 'linear'}
            {...numberAxis(yAxis)}
            tickFormatter={sig3}
            width={64}
            label={yAxisLabel(yLabel)}
          />
          <BandLayer series={series} grid={{ x: xAxis.ticks, y: yAxis.ticks }} step={step} bands />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The colours and names of the series, as a list a screen reader can read. */
export function SeriesLegend({
  series,
  label,
}: {
  series: readonly Pick<BandSeries, 'name' | 'color' | 'dashed'>[];
  label: string;
}) {
  return (
    <ul className="lab-legend" aria-label={label}>
      {series.map((s) => (
        <li key={s.name}>
          <svg width="22" height="10" aria-hidden="true">
            <line
              x1="1"
              y1="5"
              x2="21"
              y2="5"
              stroke={s.color}
              strokeWidth="3"
              strokeDasharray={s.dashed ? '5 3' : undefined}
            />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}
