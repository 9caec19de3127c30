/**
 * Medians with their 25-75 % bands, one coloured series each, on shared axes (recharts; only ever
 * imported by lazily loaded chart modules, so recharts stays out of the topic's own chunk).
 */
import { useId } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { BandPoint } from '../../../core/simulate/index';
import { sig3 } from './tradeOff';

export interface BandSeries {
  name: string;
  /** A CSS colour (a variable of lab.css). */
  color: string;
  points: readonly BandPoint[];
  dashed?: boolean;
}

/** Each chart mounts in its own task (a recharts first mount is one synchronous render). */
export const CHART_STAGGER_MS = 50;
/** Height of a chart with its title, kept while it waits to mount. */
export const CHART_HEIGHT = 290;

/** Shared by the Learn charts (one object each: recharts re-renders on a new one). */
export const AXIS = { stroke: 'var(--muted)', fontSize: 12 };
export const MARGIN = { top: 8, right: 16, bottom: 20, left: 4 };
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
  xFrom = 'zero',
}: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly BandSeries[];
  log: boolean;
  /** Draw as steps (a best-so-far holds until the next improvement). */
  step: boolean;
  /** 'zero': the x axis starts at 0 (trials, time); 'data': it spans the data (losses). */
  xFrom?: 'zero' | 'data';
}) {
  const xDomain: [number | 'auto', 'auto'] = [xFrom === 'data' ? 'auto' : 0, 'auto'];
  const id = useId();
  const type = step ? 'stepAfter' : 'linear';
  return (
    <figure className="lab-chart" aria-labelledby={id}>
      <figcaption id={id} className="lab-chart-title">
        {title}
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart margin={MARGIN}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            domain={xDomain}
            allowDuplicatedCategory={false}
            tick={AXIS}
            tickFormatter={sig3}
            label={xAxisLabel(xLabel)}
          />
          <YAxis
            type="number"
            scale={log ? 'log' : 'auto'}
            domain={['auto', 'auto']}
            allowDataOverflow
            tick={AXIS}
            tickFormatter={sig3}
            width={64}
            label={{
              value: yLabel,
              angle: -90,
              position: 'insideLeft',
              fill: 'var(--muted)',
              fontSize: 12,
              dy: 40,
            }}
          />
          {series.map((s) => (
            <Area
              key={`${s.name} band`}
              data={s.points as BandPoint[]}
              dataKey={(p: BandPoint) => [p.lo, p.hi]}
              type={type}
              stroke="none"
              fill={s.color}
              fillOpacity={0.13}
              isAnimationActive={false}
              activeDot={false}
            />
          ))}
          {series.map((s) => (
            <Line
              key={s.name}
              name={s.name}
              data={s.points as BandPoint[]}
              dataKey="median"
              type={type}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
            />
          ))}
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
