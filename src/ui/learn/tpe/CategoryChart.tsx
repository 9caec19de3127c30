import { Bar } from './Bar';
import { ChartFrame } from './ChartFrame';
import { formatNumber, linearScale, ticks } from './chartScale';
import type { CategoryBars } from './categoryBars';

const W = 640;
const H = 230;
const LEFT = 44;
const BASE = 180;

/** Three bars a category, left to right: the prior, l (below the threshold) and g (above). */
const SERIES = [
  { className: 'tpe-prior-fill', values: 'prior', offset: -1.5 },
  { className: 'tpe-l-fill', values: 'below', offset: -0.5 },
  { className: 'tpe-g-fill', values: 'above', offset: 0.5 },
] as const;

/** The weighted histograms l and g of a categorical label beside its prior; the winner's name marked. */
export function CategoryChart({ bars, label, tid }: { bars: CategoryBars; label: string; tid: number }) {
  const k = bars.names.length;
  const slot = (W - LEFT - 8) / k;
  const barW = Math.max(2, Math.min(28, slot / 4));
  const top = Math.max(...bars.below, ...bars.above, ...bars.prior);
  const y = linearScale([0, top * 1.08], [BASE, 12]);
  const center = (i: number) => LEFT + slot * (i + 0.5);
  const every = Math.ceil(k / 16); // at most 16 names under the axis
  return (
    <ChartFrame
      width={W}
      height={H}
      title={`Weighted histograms of ${label} at trial ${tid}`}
      description={`For each of the ${k} values: its probability under the prior, under l (the good trials) and under g (the others). The winner is ${bars.names[bars.winner]}.`}
    >
      {ticks(0, top * 1.08, 4).map((t) => (
        <g key={t} className="tpe-axis">
          <line x1={LEFT} x2={W - 8} y1={y(t)} y2={y(t)} className="tpe-grid" />
          <text x={LEFT - 4} y={y(t) + 4} textAnchor="end">
            {formatNumber(t)}
          </text>
        </g>
      ))}
      {bars.names.map((name, i) => (
        <g key={name}>
          {SERIES.map(({ className, values, offset }) => (
            <Bar
              key={values}
              className={className}
              x={center(i) + offset * barW}
              width={barW}
              top={y(bars[values][i]!)}
              base={BASE}
            />
          ))}
          {i % every === 0 && (
            <text
              className={i === bars.winner ? 'tpe-winner-text' : 'tpe-axis-label'}
              x={center(i)}
              y={BASE + 16}
              textAnchor="middle"
            >
              {name.length > 12 ? `${name.slice(0, 11)}…` : name}
            </text>
          )}
          {i === bars.winner && (
            <text className="tpe-winner-text" x={center(i)} y={BASE + 32} textAnchor="middle">
              ▲ winner
            </text>
          )}
        </g>
      ))}
      <line className="tpe-axis-line" x1={LEFT} x2={W - 8} y1={BASE} y2={BASE} />
      <text className="tpe-axis-label" x={LEFT} y={10}>
        probability
      </text>
    </ChartFrame>
  );
}
