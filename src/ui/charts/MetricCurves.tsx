/** A trial's stepped metrics as curves (lazy, with recharts): one small chart per metric key. */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricPoint } from '../../runtime/pool/trialProtocol';
import { minMaxBuckets } from './downsample';

const AXIS = { stroke: 'var(--muted)', fontSize: 12 };

export default function MetricCurves({ metrics }: { metrics: readonly MetricPoint[] }) {
  const byKey = new Map<string, MetricPoint[]>();
  for (const m of metrics) {
    // Push, not copy: a stored run's history can hold 100,000 points.
    const list = byKey.get(m.key);
    if (list === undefined) byKey.set(m.key, [m]);
    else list.push(m);
  }
  const curves = [...byKey].filter(([, points]) => points.length > 1);
  return (
    <div className="chart-pair">
      {curves.map(([key, points]) => (
        <figure key={key} className="chart" aria-label={`Metric ${key} by step`}>
          <figcaption className="chart-title">{key} by step</figcaption>
          <ResponsiveContainer width="100%" height={160}>
            <LineChart
              data={minMaxBuckets(
                points.slice().sort((a, b) => a.step - b.step),
                (p) => p.value,
              )}
              margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
            >
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
              <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} tick={AXIS} />
              <YAxis dataKey="value" domain={['auto', 'auto']} tick={AXIS} width={56} />
              <Tooltip isAnimationActive={false} />
              <Line dataKey="value" stroke="var(--chart-1)" dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      ))}
    </div>
  );
}
