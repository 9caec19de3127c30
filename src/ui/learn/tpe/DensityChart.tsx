import { Bar } from './Bar';
import { ChartFrame } from './ChartFrame';
import type { NumericLabelExplanation } from '../../../core';
import { formatLogTick, formatNumber, linearScale, ticks, type Scale } from './chartScale';
import { position, type DensityGrid } from './densityGrid';

const W = 640;
const LEFT = 48;
const RIGHT = 12;

/** Tick positions of the x axis: powers of ten on a log axis when it spans two or more, else round. */
function xTicks(grid: DensityGrid): number[] {
  const [a, b] = grid.domain;
  if (grid.axis === 'log') {
    const out: number[] = [];
    for (let k = Math.ceil(a / Math.LN10); k <= Math.floor(b / Math.LN10); k++) out.push(k * Math.LN10);
    if (out.length >= 2) return out;
  }
  return ticks(a, b, 6);
}

function XAxis({ grid, x, y }: { grid: DensityGrid; x: Scale; y: number }) {
  return (
    <g className="tpe-axis">
      <line x1={LEFT} x2={W - RIGHT} y1={y} y2={y} />
      {xTicks(grid).map((t) => (
        <g key={t} transform={`translate(${x(t)},${y})`}>
          <line y2={5} />
          <text y={17} textAnchor="middle">
            {grid.axis === 'log' ? formatLogTick(t) : formatNumber(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

function path(xs: number[], ys: number[], x: Scale, y: Scale): string {
  return xs.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(v).toFixed(1)},${y(ys[i]!).toFixed(1)}`).join('');
}

/** What the charts of a numeric label draw: its grid, its explanation, its name and the trial. */
interface NumericChartProps {
  grid: DensityGrid;
  e: NumericLabelExplanation;
  label: string;
  tid: number;
}

/**
 * l(x) and g(x) of a numeric label (with the prior's share dashed), the observations below the axis
 * (good ones above bad ones), then the candidates' scores log l − log g with the winner ringed.
 */
export function DensityChart({ grid, e, label, tid }: NumericChartProps) {
  const H = 250;
  const base = 170;
  const x = linearScale(grid.domain, [LEFT, W - RIGHT]);
  const top = Math.max(...grid.l, ...grid.g, 1e-300);
  const y = linearScale([0, top], [base, 12]);
  const what = grid.discrete
    ? 'probability of each value'
    : grid.axis === 'log'
      ? `density of log ${label}`
      : 'density';
  const barW = grid.discrete ? Math.max(1, Math.min(12, (W - LEFT - RIGHT) / grid.xs.length / 2.5)) : 0;
  const rug = (values: number[], row: number, cls: string) =>
    values.map((v, i) => {
      const px = x(position(e, v));
      return <line key={`${cls}${i}`} className={cls} x1={px} x2={px} y1={row} y2={row + 10} />;
    });
  return (
    <ChartFrame
      width={W}
      height={H}
      title={`l(x) and g(x) of ${label} at trial ${tid}`}
      description={`The ${what} under l (from the ${e.belowObservations.length} good observations) and g (from the ${e.aboveObservations.length} others), each with the prior's share dashed; ticks below the axis mark the good and the other observations.`}
    >
      {grid.discrete ? (
        <>
          {grid.xs.map((v, i) => (
            <g key={v}>
              <Bar className="tpe-l-fill" x={x(v) - barW} width={barW} top={y(grid.l[i]!)} base={base} />
              <Bar className="tpe-g-fill" x={x(v)} width={barW} top={y(grid.g[i]!)} base={base} />
            </g>
          ))}
        </>
      ) : (
        <>
          <path className="tpe-l-line" d={path(grid.xs, grid.l, x, y)} />
          <path className="tpe-g-line" d={path(grid.xs, grid.g, x, y)} />
        </>
      )}
      <path className="tpe-l-line tpe-prior" d={path(grid.xs, grid.lPrior, x, y)} />
      <path className="tpe-g-line tpe-prior" d={path(grid.xs, grid.gPrior, x, y)} />
      <XAxis grid={grid} x={x} y={base} />
      <text className="tpe-axis-label" x={LEFT} y={10}>
        {what}
      </text>
      {rug(e.belowObservations, base + 26, 'tpe-l-tick')}
      {rug(e.aboveObservations, base + 40, 'tpe-g-tick')}
      <text className="tpe-axis-label" x={4} y={base + 35}>
        good
      </text>
      <text className="tpe-axis-label" x={4} y={base + 49}>
        other
      </text>
      <text className="tpe-axis-label" x={W - RIGHT} y={H - 4} textAnchor="end">
        {grid.axis === 'log' ? `${label} (log scale)` : label}
      </text>
    </ChartFrame>
  );
}

/** The candidates drawn from l at their values, scored log l(x) − log g(x); the winner ringed. */
export function ScoreChart({ grid, e, label, tid }: NumericChartProps) {
  const H = 170;
  const base = 140;
  const x = linearScale(grid.domain, [LEFT, W - RIGHT]);
  const finite = e.scores.filter((s) => Number.isFinite(s));
  const lo = Math.min(...finite, 0);
  const hi = Math.max(...finite, 0);
  const pad = (hi - lo) * 0.08 || 1;
  const y = linearScale([lo - pad, hi + pad], [base, 14]);
  const winner = e.winnerIndex;
  return (
    <ChartFrame
      width={W}
      height={H}
      title={`Candidate scores for ${label} at trial ${tid}`}
      description={`${e.candidates.length} candidates drawn from l, each scored log l(x) − log g(x); the highest score wins: ${formatNumber(e.winner)} (score ${formatNumber(e.scores[winner]!)}).`}
    >
      <line className="tpe-zero" x1={LEFT} x2={W - RIGHT} y1={y(0)} y2={y(0)} />
      {ticks(lo - pad, hi + pad, 4).map((t) => (
        <text key={t} className="tpe-axis-label" x={LEFT - 4} y={y(t) + 4} textAnchor="end">
          {formatNumber(t)}
        </text>
      ))}
      {e.candidates.map((c, i) =>
        Number.isFinite(e.scores[i]!) ? (
          <circle
            key={i}
            className={i === winner ? 'tpe-winner' : 'tpe-candidate'}
            cx={x(position(e, c))}
            cy={y(e.scores[i]!)}
            r={i === winner ? 6 : 3.5}
          />
        ) : null,
      )}
      <XAxis grid={grid} x={x} y={base} />
      <text className="tpe-axis-label" x={LEFT} y={10}>
        score log l − log g
      </text>
    </ChartFrame>
  );
}
