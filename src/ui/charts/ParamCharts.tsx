import { useId, useMemo, useState } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrialRow } from '../../runtime/run/progress';
import { paramSeries } from './chartData';

const AXIS = { stroke: 'var(--muted)', fontSize: 12 };

function Plot({ data, x, y, title }: { data: object[]; x: string; y: string; title: string }) {
  return (
    <figure className="chart" aria-label={title}>
      <figcaption className="chart-title">{title}</figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey={x} type="number" name={x} domain={['auto', 'auto']} tick={AXIS} />
          <YAxis dataKey={y} type="number" name={y} domain={['auto', 'auto']} tick={AXIS} width={64} />
          <Tooltip isAnimationActive={false} />
          <Scatter data={data} fill="var(--chart-3)" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** One parameter at a time: its value against loss, and against trial number (TPE concentrating). */
export function ParamCharts({ rows, labels }: { rows: readonly TrialRow[]; labels: readonly string[] }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const id = useId();
  const label = chosen !== undefined && labels.includes(chosen) ? chosen : labels[0];
  const data = useMemo(() => (label === undefined ? [] : paramSeries(rows, label)), [rows, label]);
  if (label === undefined) return null;
  return (
    <div className="param-charts">
      <label htmlFor={id} className="inline-label">
        Parameter{' '}
        <select id={id} value={label} onChange={(e) => setChosen(e.target.value)}>
          {labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <div className="chart-pair">
        <Plot data={data} x="value" y="loss" title={`${label} against loss`} />
        <Plot data={data} x="tid" y="value" title={`${label} against trial number`} />
      </div>
    </div>
  );
}
