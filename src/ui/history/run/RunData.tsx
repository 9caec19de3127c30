import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { MetricPoint, Run, RunStore } from '../../../tracking';
import { formatLoss } from '../../results/format';
import { KeyValueTable, RunSection } from './KeyValueTable';
import { formatTime } from './runFormat';

const MetricCurves = lazy(() => import('../../charts/MetricCurves'));

/** Histories read for at most this many metric keys (a run may have 1,000). */
const MAX_CURVES = 50;

const byKey = <T,>(record: Record<string, T>) =>
  Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export function ParamsSection({ run }: { run: Run }) {
  const params = byKey(run.params);
  return (
    <RunSection title="Params">
      <KeyValueTable
        caption="Params"
        columns={['Param', 'Value']}
        rows={params.map(([key, value]) => ({ key, cells: [value] }))}
        empty="No params."
      />
    </RunSection>
  );
}

/** Every point of the run's metrics (up to MAX_CURVES keys), re-read when a latest value moves. */
function useMetricHistories(store: RunStore | undefined, run: Run): MetricPoint[] | undefined {
  const signature = JSON.stringify(run.metrics);
  const [read, setRead] = useState<{ key: string; points: MetricPoint[] }>();
  const key = `${run.id}\n${signature}`;
  useEffect(() => {
    if (store === undefined) return;
    let current = true;
    const keys = Object.keys(JSON.parse(signature) as object).slice(0, MAX_CURVES);
    Promise.all(keys.map((k) => store.getMetricHistory(run.id, k))).then(
      (lists) => current && setRead({ key, points: lists.flat() }),
      () => current && setRead({ key, points: [] }),
    );
    return () => {
      current = false;
    };
  }, [store, run.id, signature, key]);
  return read?.key === key ? read.points : undefined;
}

/** Latest values, and each stepped metric's history as a curve. */
export function MetricsSection({ run, store }: { run: Run; store: RunStore | undefined }) {
  const metrics = byKey(run.metrics);
  const points = useMetricHistories(store, run);
  const stepped = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of points ?? []) counts.set(p.key, (counts.get(p.key) ?? 0) + 1);
    return [...counts.values()].some((n) => n > 1);
  }, [points]);
  return (
    <RunSection title="Metrics">
      <KeyValueTable
        caption="Metrics"
        columns={['Metric', 'Latest value', 'Step', 'Logged']}
        rows={metrics.map(([key, m]) => ({
          key,
          cells: [formatLoss(m.value), m.step, formatTime(m.timestamp)],
        }))}
        empty="No metrics."
      />
      {points !== undefined && stepped && (
        <Suspense fallback={<p className="muted">Loading the charts…</p>}>
          <MetricCurves metrics={points} />
        </Suspense>
      )}
    </RunSection>
  );
}
