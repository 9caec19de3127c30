import { useEffect, useMemo, useRef, type PointerEvent } from 'react';
import {
  batchAlpha,
  groupIndices,
  prepareCanvas,
  resolveColor,
  strokeBatches,
  tracePolylines,
} from './plotCanvas';
import { brushOf, brushSpan, type Brush, type Brushes, type PlotAxis } from './trialMatrix';
import { nextTask, runFramed } from './nextTask';
import { useColorScheme } from './useColorScheme';
import { useElementWidth } from './useElementWidth';

const HEIGHT = 320;
const TOP = 30;
const BOTTOM = 14;
const LEFT = 64;
const RIGHT = 28;
/** Narrowest gap between axes before the plot scrolls sideways instead. */
const MIN_GAP = 96;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

/** Lines drawn per animation frame: a frame's raster stays well under 50 ms in software. */
const LINES_PER_FRAME = 2000;

/** [from, to) ranges of at most LINES_PER_FRAME lines over `count`. */
function frameChunks(count: number): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0; from < count; from += LINES_PER_FRAME)
    out.push([from, Math.min(count, from + LINES_PER_FRAME)]);
  return out;
}

/** Stroke batches grouped into frames of at most LINES_PER_FRAME lines (a batch is never split). */
function framesOfBatches<T extends { points: readonly number[] }>(batches: readonly T[]): T[][] {
  const frames: T[][] = [];
  let lines = Infinity;
  for (const batch of batches) {
    if (lines + batch.points.length > LINES_PER_FRAME) {
      frames.push([]);
      lines = 0;
    }
    frames[frames.length - 1]!.push(batch);
    lines += batch.points.length;
  }
  return frames;
}

const shorten = (text: string, chars: number) =>
  text.length > chars ? `${text.slice(0, Math.max(1, chars - 1))}…` : text;

/**
 * Parallel coordinates of the trials: one vertical axis per hyperparameter and one for the loss.
 * Drag along an axis to brush a range (a click clears it); lines outside every brush fade. Lines are
 * on two canvases (every trial faded underneath, drawn once; the selected ones in colour on top,
 * redrawn per brush), axes and brushes on an SVG above them, so 10,000 trials stay smooth.
 */
export function ParallelCoordinates({
  axes,
  matrix,
  mask,
  groupOf,
  groupColors,
  interleave,
  brushes,
  onBrush,
}: {
  axes: readonly PlotAxis[];
  matrix: Float32Array;
  mask: Uint8Array;
  groupOf: (point: number) => number;
  /** A CSS colour per group; groups are drawn last first (group 0 on top) unless interleaved. */
  groupColors: readonly string[];
  /** Mix the groups' lines (runs) rather than draw them group after group (loss bins). */
  interleave: boolean;
  brushes: Brushes;
  onBrush: (key: string, brush: Brush | null) => void;
}) {
  const [boxRef, boxWidth] = useElementWidth<HTMLDivElement>();
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ key: string; start: number; moved: boolean } | null>(null);
  const width = Math.max(boxWidth, LEFT + RIGHT + MIN_GAP * Math.max(1, axes.length - 1));
  const gap = (width - LEFT - RIGHT) / Math.max(1, axes.length - 1);
  const xs = useMemo(() => axes.map((_, j) => LEFT + j * gap), [axes, gap]);
  const scheme = useColorScheme();
  const under = useRef<HTMLCanvasElement>(null);
  const over = useRef<HTMLCanvasElement>(null);
  const layout = useMemo(() => ({ xs, top: TOP, height: PLOT_HEIGHT }), [xs]);
  const points = mask.length;
  useEffect(() => {
    // Only brushing uncovers the faded layer: it is drawn after the colours, a frame's worth at a time.
    let live = true;
    const canvas = under.current;
    const ctx = canvas && prepareCanvas(canvas, width, HEIGHT);
    if (!canvas || !ctx) return;
    const color = resolveColor(canvas, 'var(--unselected)');
    const all = Array.from({ length: points }, (_, i) => i);
    const steps = frameChunks(all.length).map(([from, to]) => () => {
      ctx.beginPath();
      tracePolylines(ctx, matrix, all.slice(from, to), layout);
      ctx.strokeStyle = color;
      ctx.lineWidth = 1;
      ctx.stroke();
    });
    void nextTask().then(() => runFramed(steps, () => !live));
    return () => {
      live = false;
    };
  }, [matrix, points, layout, width, scheme]);
  useEffect(() => {
    // Drawn after the render's task, a frame's worth of lines at a time (runFramed says why).
    let live = true;
    const canvas = over.current;
    const ctx = canvas && prepareCanvas(canvas, width, HEIGHT);
    if (!canvas || !ctx) return;
    const groups = groupIndices(points, groupOf, groupColors.length, mask);
    const batches = strokeBatches(groups, interleave);
    const colors = groupColors.map((c) => resolveColor(canvas, c));
    const alpha = batchAlpha(batches.length);
    const steps = framesOfBatches(batches).map((frame) => () => {
      ctx.lineWidth = 1;
      ctx.globalAlpha = alpha;
      for (const batch of frame) {
        ctx.beginPath();
        tracePolylines(ctx, matrix, batch.points, layout);
        ctx.strokeStyle = colors[batch.group]!;
        ctx.stroke();
      }
    });
    void runFramed(steps, () => !live);
    return () => {
      live = false;
    };
  }, [matrix, points, mask, groupOf, groupColors, interleave, layout, width, scheme]);

  const positionAt = (clientY: number) => {
    const top = svgRef.current?.getBoundingClientRect().top ?? 0;
    return Math.min(1, Math.max(0, 1 - (clientY - top - TOP) / PLOT_HEIGHT));
  };
  const down = (axis: PlotAxis) => (e: PointerEvent<SVGRectElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { key: axis.key, start: positionAt(e.clientY), moved: false };
  };
  const move = (axis: PlotAxis) => (e: PointerEvent<SVGRectElement>) => {
    const d = drag.current;
    if (d === null || d.key !== axis.key) return;
    const here = positionAt(e.clientY);
    if (!d.moved && Math.abs(here - d.start) < 0.01) return;
    d.moved = true;
    onBrush(axis.key, brushOf(axis, d.start, here));
  };
  const up = (axis: PlotAxis) => () => {
    const d = drag.current;
    drag.current = null;
    if (d !== null && d.key === axis.key && !d.moved) onBrush(axis.key, null);
  };

  const y = (p: number) => TOP + (1 - p) * PLOT_HEIGHT;
  const titleChars = Math.floor(gap / 7);
  return (
    <div className="plot-scroll" ref={boxRef}>
      <div className="plot-stack" style={{ width, height: HEIGHT }}>
        <canvas ref={under} style={{ width, height: HEIGHT }} aria-hidden="true" />
        <canvas ref={over} style={{ width, height: HEIGHT }} aria-hidden="true" />
        <svg
          ref={svgRef}
          className="plot-svg"
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`Parallel coordinates of ${mask.length} trials over ${axes.length} axes; drag along an axis to brush a range`}
        >
          {axes.map((axis, j) => {
            const x = xs[j]!;
            const brush = brushes[axis.key];
            const span = brush === undefined ? undefined : brushSpan(axis, brush);
            const ticks =
              axis.scale.ticks.length > 12
                ? axis.scale.ticks.filter((_, i) => i % Math.ceil(axis.scale.ticks.length / 12) === 0)
                : axis.scale.ticks;
            return (
              <g key={axis.key} data-axis={axis.key}>
                <line className="axis-line" x1={x} x2={x} y1={TOP} y2={TOP + PLOT_HEIGHT} />
                <text className="axis-title" x={x} y={TOP - 12} textAnchor="middle">
                  <title>{axis.key}</title>
                  {shorten(axis.key, titleChars)}
                </text>
                {ticks.map((t) => (
                  <text key={t.value} x={x - 5} y={y(axis.scale.position(t.value)) + 4} textAnchor="end">
                    {shorten(t.label, 9)}
                  </text>
                ))}
                {span !== undefined && (
                  <rect
                    className="pc-brush"
                    x={x - 7}
                    width={14}
                    y={y(span[1])}
                    height={Math.max(1, y(span[0]) - y(span[1]))}
                  />
                )}
                <rect
                  className="pc-hit"
                  data-testid={`brush-${axis.key}`}
                  x={x - 14}
                  width={28}
                  y={TOP - 4}
                  height={PLOT_HEIGHT + 8}
                  onPointerDown={down(axis)}
                  onPointerMove={move(axis)}
                  onPointerUp={up(axis)}
                  onPointerCancel={up(axis)}
                />
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
