import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { RunView } from '../../runtime/run/progress';

const RunCharts = lazy(() => import('./RunCharts'));

/** While a run goes on, charts redraw at most this often (the numbers above update faster). */
const CHART_INTERVAL_MS = 500;

/** The latest value, passed on at most every `ms` (at once when `immediate`). */
function useThrottled<T>(value: T, ms: number, immediate: boolean): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = immediate ? 0 : Math.max(0, last.current + ms - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms, immediate]);
  return shown;
}

/** The run's charts, lazily loaded (recharts is its own chunk) and throttled while running. */
export function Charts({
  run,
  labels,
  elapsedMs,
}: {
  run: RunView;
  labels: readonly string[];
  elapsedMs: number;
}) {
  const ended = run.phase === 'ended';
  const shown = useThrottled(run, CHART_INTERVAL_MS, ended);
  const elapsed = useThrottled(elapsedMs, CHART_INTERVAL_MS, ended);
  return (
    <Suspense fallback={<p className="muted">Loading the charts…</p>}>
      <RunCharts run={shown} labels={labels} elapsedMs={elapsed} />
    </Suspense>
  );
}
