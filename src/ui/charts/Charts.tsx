import { lazy, memo, startTransition, Suspense, useEffect, useRef, useState } from 'react';
import type { RunView } from '../../runtime/run/progress';

const loadCharts = () => import('./RunCharts');
const RunCharts = lazy(loadCharts);

/**
 * Fetches and compiles the charts chunk while the page is idle, so that its first use (a run's
 * first progress) is not one long task in the middle of the run.
 */
export function preloadCharts(): () => void {
  const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 2000));
  const cancel = window.cancelIdleCallback ?? window.clearTimeout;
  const handle = idle(() => void loadCharts());
  return () => cancel(handle);
}

/**
 * While a run goes on, charts redraw at most this often (the numbers above update faster); less
 * often once the run is large, where each redraw costs more.
 */
const chartInterval = (trials: number) => (trials < 2000 ? 500 : 1000);

/**
 * The latest value, passed on at most every `ms` (at once when `immediate`), always in a
 * transition: React renders the charts in slices and lets frames through in between. Undefined
 * until the first transition, so that even the charts' first mount is not one long task.
 */
function useThrottled<T>(value: T, ms: number, immediate: boolean): T | undefined {
  const [shown, setShown] = useState<T | undefined>(undefined);
  const last = useRef(0);
  useEffect(() => {
    const wait = immediate ? 0 : Math.max(0, last.current + ms - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      startTransition(() => setShown(value));
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms, immediate]);
  return shown;
}

/** The run's charts, lazily loaded (recharts is its own chunk) and throttled while running. */
export const Charts = memo(function Charts({
  run,
  labels,
  elapsedMs,
}: {
  run: RunView;
  labels: readonly string[];
  elapsedMs: number;
}) {
  const ended = run.phase === 'ended';
  const interval = chartInterval(run.rows.length);
  const shown = useThrottled(run, interval, ended);
  const elapsed = useThrottled(elapsedMs, interval, ended);
  const loading = <p className="muted">Loading the charts…</p>;
  if (shown === undefined) return loading;
  return (
    <Suspense fallback={loading}>
      <RunCharts run={shown} labels={labels} elapsedMs={elapsed ?? 0} />
    </Suspense>
  );
});
