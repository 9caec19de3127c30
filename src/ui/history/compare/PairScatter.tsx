import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TrialPoint } from './comparedRuns';
import { prepareCanvas, resolveColor } from './plotCanvas';
import { formatValue } from './scale';
import { axisValue, LOSS_KEY, type PlotAxis } from './trialMatrix';
import { runFramed } from './nextTask';
import { useColorScheme } from './useColorScheme';
import { useElementWidth } from './useElementWidth';

const HEIGHT = 300;
const TOP = 10;
const BOTTOM = 40;
const LEFT = 64;
const RIGHT = 16;
/** Same points, spread within their option's band on a categorical axis, the same way every time. */
const jitter = (i: number, axis: PlotAxis) =>
  axis.kind === 'categorical' ? (((i * 0.6180339887) % 1) - 0.5) * (0.6 / (axis.max + 1)) : 0;

/**
 * A chosen pair of parameters (or the loss) against each other, one dot per finished trial coloured
 * by its loss bin; trials outside the parallel coordinates' brushes fade.
 */
export function PairScatter({
  axes,
  points,
  bin,
  mask,
  binColors,
}: {
  axes: readonly PlotAxis[];
  points: readonly (TrialPoint & { loss: number })[];
  bin: Uint8Array;
  mask: Uint8Array;
  binColors: readonly string[];
}) {
  const id = useId();
  const params = axes.filter((a) => a.key !== LOSS_KEY);
  const [xKey, setX] = useState(params[0]?.key ?? LOSS_KEY);
  const [yKey, setY] = useState(params[1]?.key ?? LOSS_KEY);
  const xAxis = axes.find((a) => a.key === xKey) ?? axes[0]!;
  const yAxis = axes.find((a) => a.key === yKey) ?? axes[axes.length - 1]!;
  const [boxRef, width] = useElementWidth<HTMLDivElement>();
  const plotW = Math.max(120, width - LEFT - RIGHT);
  const plotH = HEIGHT - TOP - BOTTOM;
  const sx = (p: number) => LEFT + p * plotW;
  const sy = (p: number) => TOP + (1 - p) * plotH;

  // Where each trial goes, in [0, 1]², NaN when it lacks one of the two.
  const placed = useMemo(() => {
    const xy = new Float32Array(points.length * 2);
    let count = 0;
    let best: (TrialPoint & { loss: number }) | undefined;
    points.forEach((p, i) => {
      const px = xAxis.scale.position(axisValue(p, xAxis.key)) + jitter(i, xAxis);
      const py = yAxis.scale.position(axisValue(p, yAxis.key)) + jitter(i + 7, yAxis);
      xy[2 * i] = px;
      xy[2 * i + 1] = py;
      if (!Number.isFinite(px) || !Number.isFinite(py)) return;
      count++;
      if (best === undefined || p.loss < best.loss) best = p;
    });
    return { xy, count, best };
  }, [points, xAxis, yAxis]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scheme = useColorScheme();
  const canvasWidth = LEFT + plotW + RIGHT;
  useEffect(() => {
    // A layer per animation frame, as the parallel coordinates' lines (runFramed says why).
    let live = true;
    const canvas = canvasRef.current;
    const ctx = canvas && prepareCanvas(canvas, canvasWidth, HEIGHT);
    if (!canvas || !ctx) return;
    const { xy } = placed;
    // Smaller dots the more there are, so a dense cloud keeps its shape.
    const R = placed.count > 2000 ? 1.75 : placed.count > 300 ? 2.5 : 3;
    // Faded (unselected) points first, then bins from worst to best, so the best are on top.
    const layers = [-1, ...binColors.map((_, b) => binColors.length - 1 - b)];
    const steps = layers.map((layer) => () => {
      ctx.beginPath();
      for (let i = 0; i < mask.length; i++) {
        if (layer === -1 ? mask[i] : !mask[i] || bin[i] !== layer) continue;
        const px = xy[2 * i]!;
        const py = xy[2 * i + 1]!;
        if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
        const x = LEFT + px * plotW;
        const y = TOP + (1 - py) * plotH;
        ctx.moveTo(x + R, y);
        ctx.arc(x, y, R, 0, 2 * Math.PI);
      }
      ctx.fillStyle = resolveColor(canvas, layer === -1 ? 'var(--unselected)' : binColors[layer]!);
      ctx.globalAlpha = layer === -1 ? 1 : 0.85;
      ctx.fill();
    });
    void runFramed(steps, () => !live);
    return () => {
      live = false;
    };
  }, [placed, mask, bin, binColors, plotW, plotH, canvasWidth, scheme]);

  const best = placed.best;
  const caption =
    best === undefined
      ? `No trial has both ${xAxis.key} and ${yAxis.key}.`
      : `${placed.count} trials; the best (loss ${formatValue(best.loss)}) at ${xAxis.key} = ${formatValue(axisValue(best, xAxis.key))}, ${yAxis.key} = ${formatValue(axisValue(best, yAxis.key))}`;
  const options = axes.map((a) => (
    <option key={a.key} value={a.key}>
      {a.key}
    </option>
  ));
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <div className="compare-controls">
        <label>
          X parameter{' '}
          <select value={xAxis.key} onChange={(e) => setX(e.target.value)}>
            {options}
          </select>
        </label>
        <label>
          Y parameter{' '}
          <select value={yAxis.key} onChange={(e) => setY(e.target.value)}>
            {options}
          </select>
        </label>
      </div>
      <figcaption id={`${id}-caption`} className="compare-note">
        {caption}
      </figcaption>
      <div className="plot-scroll" ref={boxRef}>
        <div className="plot-stack" style={{ width: canvasWidth, height: HEIGHT }}>
          <canvas ref={canvasRef} style={{ width: canvasWidth, height: HEIGHT }} aria-hidden="true" />
          <svg
            className="plot-svg"
            width={canvasWidth}
            height={HEIGHT}
            role="img"
            aria-label={`${yAxis.key} against ${xAxis.key}, coloured by loss`}
          >
            <line className="axis-line" x1={LEFT} x2={LEFT + plotW} y1={TOP + plotH} y2={TOP + plotH} />
            <line className="axis-line" x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + plotH} />
            {xAxis.scale.ticks.map((t) => (
              <text
                key={t.value}
                x={sx(xAxis.scale.position(t.value))}
                y={TOP + plotH + 14}
                textAnchor="middle"
              >
                {t.label}
              </text>
            ))}
            {yAxis.scale.ticks.map((t) => (
              <text key={t.value} x={LEFT - 5} y={sy(yAxis.scale.position(t.value)) + 4} textAnchor="end">
                {t.label}
              </text>
            ))}
            <text className="axis-title" x={LEFT + plotW / 2} y={HEIGHT - 6} textAnchor="middle">
              {xAxis.key}
            </text>
            <text
              className="axis-title"
              transform={`translate(12 ${TOP + plotH / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {yAxis.key}
            </text>
          </svg>
        </div>
      </div>
    </figure>
  );
}
