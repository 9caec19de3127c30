import { useId, useMemo, useState } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrialRow } from '../../runtime/run/progress';
import { lossSeries } from './chartData';

const AXIS = { stroke: 'var(--muted)', fontSize: 12 };

/** Loss per trial with the best-so-far line; failed and cancelled trials marked along the top. */
export function LossChart({ rows }: { rows: readonly TrialRow[] }) {
  const [log, setLog] = useState(false);
  const id = useId();
  const series = useMemo(() => lossSeries(rows), [rows]);
  const useLog = log && series.positive;
  const failed = series.marks.filter((m) => m.status === 'failed');
  const cancelled = series.marks.filter((m) => m.status === 'cancelled');
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id} className="chart-title">
        Loss per trial, with the best so far
        <label className="inline-label">
          <input
            type="checkbox"
            checked={useLog}
            disabled={!series.positive}
            onChange={(e) => setLog(e.target.checked)}
          />{' '}
          Log scale{series.positive ? '' : ' (needs positive losses)'}
        </label>
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="tid" type="number" name="trial" domain={['dataMin', 'dataMax']} tick={AXIS} />
          <YAxis
            dataKey="loss"
            type="number"
            name="loss"
            scale={useLog ? 'log' : 'auto'}
            domain={['auto', 'auto']}
            allowDataOverflow
            tick={AXIS}
            width={64}
          />
          <Tooltip isAnimationActive={false} />
          <Legend />
          <Scatter
            name="loss"
            data={series.ok}
            fill="var(--chart-1)"
            isAnimationActive={false}
            shape="circle"
          />
          <Line
            name="best so far"
            data={series.best}
            dataKey="best"
            type="stepAfter"
            stroke="var(--chart-2)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {failed.length > 0 && (
            <Scatter
              name="failed"
              data={failed}
              fill="var(--chart-fail)"
              shape="cross"
              isAnimationActive={false}
            />
          )}
          {cancelled.length > 0 && (
            <Scatter
              name="cancelled"
              data={cancelled}
              fill="var(--muted)"
              shape="diamond"
              isAnimationActive={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
