import { useId, useMemo, useState } from 'react';
import type { TrialPoint } from './comparedRuns';
import { formatValue } from './scale';
import { axisValue, LOSS_KEY, type PlotAxis } from './trialMatrix';
import { useElementWidth } from './useElementWidth';

const HEIGHT = 300;
const TOP = 10;
const BOTTOM = 40;
const LEFT = 64;
const RIGHT = 16;
const R = 3;
/** Same points, spread within their option's band on a categorical axis, the same way every time. */
const jitter = (i: number, axis: PlotAxis) =>
  axis.kind === 'categorical' ? (((i * 0.6180339887) % 1) - 0.5) * (0.6 / (axis.max + 1)) : 0;

const dot = (x: number, y: number) =>
  `M${(x - R).toFixed(1)} ${y.toFixed(1)}a${R} ${R} 0 1 0 ${2 * R} 0a${R} ${R} 0 1 0 ${-2 * R} 0`;

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

  const drawn = useMemo(() => {
    const selected: string[][] = binColors.map(() => []);
    const faded: string[] = [];
    let count = 0;
    let best: (TrialPoint & { loss: number }) | undefined;
    const sx = (p: number) => LEFT + p * plotW;
    const sy = (p: number) => TOP + (1 - p) * plotH;
    points.forEach((p, i) => {
      const px = xAxis.scale.position(axisValue(p, xAxis.key)) + jitter(i, xAxis);
      const py = yAxis.scale.position(axisValue(p, yAxis.key)) + jitter(i + 7, yAxis);
      if (!Number.isFinite(px) || !Number.isFinite(py)) return;
      count++;
      if (best === undefined || p.loss < best.loss) best = p;
      (mask[i] ? selected[bin[i]!]! : faded).push(dot(sx(px), sy(py)));
    });
    return { selected: selected.map((s) => s.join('')), faded: faded.join(''), count, best };
  }, [points, xAxis, yAxis, mask, bin, binColors, plotW, plotH]);

  const best = drawn.best;
  const caption =
    best === undefined
      ? `No trial has both ${xAxis.key} and ${yAxis.key}.`
      : `${drawn.count} trials; the best (loss ${formatValue(best.loss)}) at ${xAxis.key} = ${formatValue(axisValue(best, xAxis.key))}, ${yAxis.key} = ${formatValue(axisValue(best, yAxis.key))}`;
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
        <svg
          className="plot-svg"
          width={LEFT + plotW + RIGHT}
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
          <path className="pc-unselected" d={drawn.faded} fill="var(--unselected)" />
          {drawn.selected
            .map((d, b) => ({ d, b }))
            .reverse()
            .map(({ d, b }) => (
              <path key={b} d={d} fill={binColors[b]} fillOpacity={0.85} />
            ))}
        </svg>
      </div>
    </figure>
  );
}
