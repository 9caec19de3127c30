/**
 * Empirical distribution functions of the final losses: for each loss x, the share of seeds that
 * ended at or below it. A curve further left (and up) is better on more seeds.
 */
import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { EdfPoint } from '../../../core/simulate/index';
import { AXIS, MARGIN, xAxisLabel } from '../lab/BandChart';
import { logTicks } from '../lab/logTicks';
import { sig3 } from '../lab/tradeOff';

export interface EdfSeries {
  name: string;
  color: string;
  dashed: boolean;
  points: readonly EdfPoint[];
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** The steps with a starting point at 0 %, so each curve rises from the axis at its best seed. */
const withOrigin = (points: readonly EdfPoint[]): EdfPoint[] =>
  points.length === 0 ? [] : [{ x: points[0]!.x, p: 0 }, ...points];

export function EdfChart({
  series,
  xLabel,
  log,
}: {
  series: readonly EdfSeries[];
  xLabel: string;
  log: boolean;
}) {
  const id = useId();
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const axis = log && xs.length > 0 ? logTicks(Math.min(...xs), Math.max(...xs)) : undefined;
  return (
    <figure className="lab-chart" aria-labelledby={id}>
      <figcaption id={id} className="lab-chart-title">
        Distribution of final losses over the seeds (EDF)
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart margin={MARGIN}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            scale={axis === undefined ? 'auto' : 'log'}
            domain={axis?.domain ?? ['auto', 'auto']}
            ticks={axis?.ticks}
            allowDataOverflow
            allowDuplicatedCategory={false}
            tick={AXIS}
            tickFormatter={sig3}
            label={xAxisLabel(xLabel)}
          />
          <YAxis
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tick={AXIS}
            tickFormatter={percent}
            width={48}
          />
          {series.map((s) => (
            <Line
              key={s.name}
              name={s.name}
              data={withOrigin(s.points)}
              dataKey="p"
              type="stepAfter"
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
