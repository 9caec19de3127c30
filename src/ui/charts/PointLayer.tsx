/**
 * A chart's points drawn as one SVG path per series, inside a recharts chart (recharts draws the
 * axes and the grid, and lends its scales through useXAxisScale/useYAxisScale). recharts' own
 * Scatter renders a component tree per point, and its updates render synchronously (its store
 * feeds useSyncExternalStore), so 3 charts of 400 points were a main-thread task of several hundred
 * milliseconds at every redraw of a 10,000-trial run; a path per series is a string.
 */
import { useMemo, useRef, useState, type MouseEvent } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { formatLoss } from '../results/format';
import { sameAxis, type AxisDomain } from './axisDomain';
import './charts.css';

export interface PlotPoint {
  tid: number;
  x: number;
  y: number;
}

export interface PlotSeries {
  name: string;
  points: readonly PlotPoint[];
  /** How each point is marked; 'step' joins the points as a step line (value holds until the next). */
  mark: 'circle' | 'cross' | 'diamond' | 'step';
  /** Colour class (charts.css). */
  className: string;
}

/** Margins of every chart drawn with PointLayer (one object: recharts re-renders on a new one). */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 0 };
export const AXIS_TICK = { stroke: 'var(--muted)', fontSize: 12 };

/**
 * The axis as last returned while its domain and ticks stay the same: recharts recomputes its
 * axes (a synchronous render of the whole chart) whenever their props are new objects, and most
 * redraws of a run only move points.
 */
export function useStableAxis(axis: AxisDomain): AxisDomain {
  const kept = useRef(axis);
  if (!sameAxis(kept.current, axis)) kept.current = axis;
  return kept.current;
}

/** The props every number axis of these charts shares (domain and ticks given, not computed). */
export function numberAxis(axis: AxisDomain) {
  return {
    type: 'number' as const,
    domain: axis.domain,
    ticks: axis.ticks,
    allowDataOverflow: true,
    tick: AXIS_TICK,
    tickFormatter: formatLoss,
  };
}

const R = 2.5;
/** How near (px) the pointer must be for a point to be read out. */
const NEAR = 12;

function markPath(mark: PlotSeries['mark'], x: number, y: number): string {
  const px = (v: number) => v.toFixed(1);
  if (mark === 'cross') return `M${px(x - R)} ${px(y - R)}l${2 * R} ${2 * R}m0 ${-2 * R}l${-2 * R} ${2 * R}`;
  if (mark === 'diamond')
    return `M${px(x)} ${px(y - R - 1)}l${R + 1} ${R + 1}l${-R - 1} ${R + 1}l${-R - 1} ${-R - 1}z`;
  return `M${px(x - R)} ${px(y)}a${R} ${R} 0 1 0 ${2 * R} 0a${R} ${R} 0 1 0 ${-2 * R} 0`;
}

interface Laid {
  series: PlotSeries;
  d: string;
  /** Pixel positions, for the pointer read-out (not for step lines). */
  at: [number, number, PlotPoint][];
}

/**
 * The series' points (or step lines) on the chart's current scales; hovering shows the nearest
 * point's `describe` text in the plot's top right corner.
 */
export function PointLayer({
  series,
  grid,
  describe,
}: {
  series: readonly PlotSeries[];
  /** The axes' ticks, where grid lines are drawn (here rather than by recharts' CartesianGrid, which is a costly component). */
  grid: { x: readonly number[]; y: readonly number[] };
  describe: (series: PlotSeries, point: PlotPoint) => string;
}) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  const [hover, setHover] = useState<{ series: PlotSeries; point: PlotPoint; x: number; y: number }>();
  const laid = useMemo((): Laid[] => {
    if (xScale === undefined || yScale === undefined) return [];
    return series.map((s) => {
      const parts: string[] = [];
      const at: Laid['at'] = [];
      for (const p of s.points) {
        const x = xScale(p.x);
        const y = yScale(p.y);
        if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
        if (s.mark === 'step') {
          parts.push(
            parts.length === 0 ? `M${x.toFixed(1)} ${y.toFixed(1)}` : `H${x.toFixed(1)}V${y.toFixed(1)}`,
          );
        } else {
          parts.push(markPath(s.mark, x, y));
          at.push([x, y, p]);
        }
      }
      return { series: s, d: parts.join(''), at };
    });
  }, [series, xScale, yScale]);
  const gridPath = useMemo(() => {
    if (xScale === undefined || yScale === undefined || plot === undefined) return '';
    const at = (scale: typeof xScale, v: number) => scale(v)?.toFixed(1);
    const xs = grid.x.map((v) => at(xScale, v)).filter((x) => x !== undefined);
    const ys = grid.y.map((v) => at(yScale, v)).filter((y) => y !== undefined);
    return [
      ...xs.map((x) => `M${x} ${plot.y}V${plot.y + plot.height}`),
      ...ys.map((y) => `M${plot.x} ${y}H${plot.x + plot.width}`),
    ].join('');
  }, [grid, xScale, yScale, plot]);
  if (plot === undefined) return null;

  const onMove = (event: MouseEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const mx = plot.x + ((event.clientX - box.left) * plot.width) / Math.max(1, box.width);
    const my = plot.y + ((event.clientY - box.top) * plot.height) / Math.max(1, box.height);
    let best: typeof hover;
    let bestDist = NEAR * NEAR;
    for (const l of laid) {
      for (const [x, y, point] of l.at) {
        const dist = (x - mx) ** 2 + (y - my) ** 2;
        if (dist < bestDist) {
          bestDist = dist;
          best = { series: l.series, point, x, y };
        }
      }
    }
    setHover(best);
  };

  return (
    <g className="point-layer">
      <path d={gridPath} className="point-grid" />
      {laid.map(({ series: s, d }) => (
        <path key={s.name} d={d} className={`${s.className} mark-${s.mark}`} />
      ))}
      <rect
        x={plot.x}
        y={plot.y}
        width={plot.width}
        height={plot.height}
        fill="transparent"
        onMouseMove={onMove}
        onMouseLeave={() => setHover(undefined)}
      />
      {hover !== undefined && (
        <g className="point-readout" pointerEvents="none">
          <circle cx={hover.x} cy={hover.y} r={R + 3} />
          <text x={plot.x + plot.width - 4} y={plot.y + 14} textAnchor="end">
            {describe(hover.series, hover.point)}
          </text>
        </g>
      )}
    </g>
  );
}

/** The series' names and marks, as a legend under the chart's title. */
export function PointLegend({ series }: { series: readonly PlotSeries[] }) {
  return (
    <ul className="point-legend" aria-label="Legend">
      {series.map((s) => (
        <li key={s.name}>
          <svg width="14" height="10" aria-hidden="true">
            <path
              d={s.mark === 'step' ? 'M0 8H7V2H14' : markPath(s.mark, 7, 5)}
              className={`${s.className} mark-${s.mark}`}
            />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}
