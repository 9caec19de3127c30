/**
 * Medians and their bands drawn as one SVG path each, on the scales of the recharts chart around
 * it (recharts draws the axes). recharts' own Line and Area render a component tree per series in
 * one synchronous task; twelve of them made a chart's first mount a 100-250 ms task. Paths are
 * strings.
 */
import { useMemo } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { BandPoint } from '../../../core/simulate/index';

export interface LayerSeries {
  name: string;
  /** A CSS colour (a variable of lab.css). */
  color: string;
  dashed: boolean;
  points: readonly BandPoint[];
}

type Scale = (value: number) => number | undefined;

const px = (v: number) => v.toFixed(1);

/** The median as a path: straight segments, or steps that hold each value until the next x. */
function linePath(points: readonly BandPoint[], x: Scale, y: Scale, step: boolean): string {
  let d = '';
  for (const p of points) {
    const [sx, sy] = [x(p.x), y(p.median)];
    if (sx === undefined || sy === undefined || !Number.isFinite(sx) || !Number.isFinite(sy)) continue;
    d += d === '' ? `M${px(sx)} ${px(sy)}` : step ? `H${px(sx)}V${px(sy)}` : `L${px(sx)} ${px(sy)}`;
  }
  return d;
}

/** The band as a closed shape: along the upper edge, then back along the lower one. */
function bandPath(points: readonly BandPoint[], x: Scale, y: Scale, step: boolean): string {
  const upper = linePath(
    points.map((p) => ({ ...p, median: p.hi })),
    x,
    y,
    step,
  );
  const back = step
    ? stepBack(points, x, y)
    : linePath(
        [...points].reverse().map((p) => ({ ...p, median: p.lo })),
        x,
        y,
        false,
      ).replace(/^M/, 'L');
  return upper === '' || back === '' ? '' : `${upper}${back}Z`;
}

/** The lower edge of a step band, right to left: each value held from its x to the next one's. */
function stepBack(points: readonly BandPoint[], x: Scale, y: Scale): string {
  let d = '';
  for (let i = points.length - 1; i >= 0; i--) {
    const [sx, sy] = [x(points[i]!.x), y(points[i]!.lo)];
    if (sx === undefined || sy === undefined || !Number.isFinite(sx) || !Number.isFinite(sy)) continue;
    const next = points[i + 1];
    const nx = next === undefined ? undefined : x(next.x);
    d += `L${px(nx ?? sx)} ${px(sy)}H${px(sx)}`;
  }
  return d;
}

export function BandLayer({
  series,
  grid,
  step,
  bands,
}: {
  series: readonly LayerSeries[];
  /** Where grid lines go (the axes' ticks). */
  grid: { x: readonly number[]; y: readonly number[] };
  step: boolean;
  /** Draw the lo-hi band under each median. */
  bands: boolean;
}) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  const laid = useMemo(() => {
    if (xScale === undefined || yScale === undefined) return [];
    const x: Scale = (v) => xScale(v);
    const y: Scale = (v) => yScale(v);
    return series.map((s) => ({
      series: s,
      band: bands ? bandPath(s.points, x, y, step) : '',
      line: linePath(s.points, x, y, step),
    }));
  }, [series, xScale, yScale, step, bands]);
  const gridPath = useMemo(() => {
    if (xScale === undefined || yScale === undefined || plot === undefined) return '';
    const xs = grid.x.map((v) => xScale(v)).filter((v): v is number => v !== undefined && Number.isFinite(v));
    const ys = grid.y.map((v) => yScale(v)).filter((v): v is number => v !== undefined && Number.isFinite(v));
    return [
      ...xs.map((v) => `M${px(v)} ${plot.y}V${plot.y + plot.height}`),
      ...ys.map((v) => `M${plot.x} ${px(v)}H${plot.x + plot.width}`),
    ].join('');
  }, [grid, xScale, yScale, plot]);
  if (plot === undefined) return null;
  return (
    <g className="band-layer">
      <path d={gridPath} className="band-grid" />
      {laid.map(({ series: s, band }) =>
        band === '' ? null : <path key={`${s.name} band`} d={band} fill={s.color} className="band-fill" />,
      )}
      {laid.map(({ series: s, line }) => (
        <path
          key={s.name}
          d={line}
          stroke={s.color}
          strokeDasharray={s.dashed ? '6 4' : undefined}
          className="band-median"
        />
      ))}
    </g>
  );
}
