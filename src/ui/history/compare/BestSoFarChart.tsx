import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useMemo } from 'react';
import { mergeCurves, type CurvePoint } from './bestSoFar';
import { formatValue } from './scale';

const AXIS = { stroke: 'var(--muted)', fontSize: 12 };

export interface Curve {
  name: string;
  color: string;
  points: CurvePoint[];
}

/** The overlaid best-so-far curves (recharts, in its own lazily loaded chunk). */
export default function BestSoFarChart({
  curves,
  xLabel,
  log,
}: {
  curves: readonly Curve[];
  xLabel: string;
  log: boolean;
}) {
  // One table for all runs, so the tooltip shows every run's best at the same x.
  const data = useMemo(() => mergeCurves(curves.map((c) => c.points)), [curves]);
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="x"
          type="number"
          name={xLabel}
          domain={['dataMin', 'dataMax']}
          tick={AXIS}
          label={{ value: xLabel, position: 'insideBottom', offset: -8, fill: 'var(--muted)', fontSize: 12 }}
        />
        <YAxis
          type="number"
          name="best loss"
          scale={log ? 'log' : 'auto'}
          domain={['auto', 'auto']}
          allowDataOverflow
          tick={AXIS}
          width={72}
        />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(x) => `${xLabel} ${String(x)}`}
          formatter={(v) => formatValue(Number(v))}
        />
        <Legend verticalAlign="top" />
        {curves.map((c, i) => (
          <Line
            key={c.name}
            name={c.name}
            dataKey={`r${i}`}
            type="stepAfter"
            stroke={c.color}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
