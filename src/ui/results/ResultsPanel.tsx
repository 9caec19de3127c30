import { useEffect, useMemo, useState } from 'react';
import type { CompiledSpace } from '../../core';
import type { RunView } from '../../runtime/run/progress';
import type { RuntimeState } from '../../runtime/runtime';
import { Charts, preloadCharts } from '../charts/Charts';
import { useRuntimeSelector } from '../runtime/runtimeContext';
import { BestResult } from './BestResult';
import { describeStop, formatDuration, formatLoss } from './format';
import { ProgressView } from './ProgressView';
import { TrialDetail } from './TrialDetail';
import { TrialsTable } from './TrialsTable';

/** Re-renders every `ms` while `active`, so the elapsed time moves between event batches. */
function useTicker(active: boolean, ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return now;
}

function Parallelism({ run }: { run: RunView }) {
  const p = run.parallelism;
  if (p === undefined) return null;
  return (
    <div className="run-notes">
      <p>
        {run.trialsKind} with {run.algo}: parallelism requested {p.requested ?? 'unset'}, actual {p.actual}
        {p.sharesCores ? ` (trials will share the ${p.cores} logical cores)` : ''}.
      </p>
      {p.warnings.map((warning) => (
        <p key={warning} className="warning">
          {warning}
        </p>
      ))}
    </div>
  );
}

/** The end of the run as SparkTrials reports it: counts by outcome and the best loss. */
function Summary({ run }: { run: RunView }) {
  const end = run.end;
  if (end === undefined) return null;
  const { total, succeeded, failed, cancelled } = end.summary;
  return (
    <div
      className="summary"
      aria-label="Run summary"
      data-elapsed-ms={end.elapsedMs.toFixed(2)}
      data-stop-latency-ms={end.stopLatencyMs?.toFixed(2)}
    >
      <p>
        <strong>Run ended ({describeStop(end.stopReason)}).</strong> Total {total} · succeeded {succeeded} ·
        failed {failed} · cancelled {cancelled}.
        {run.best !== undefined && ` Best loss ${formatLoss(run.best.loss)} (trial ${run.best.tid}).`}
      </p>
      {end.stopLatencyMs !== undefined && (
        <p className="muted">
          fmin returned {formatDuration(end.stopLatencyMs)} after the{' '}
          {end.stopReason === 'timeout' ? 'timeout' : 'Stop'}.
        </p>
      )}
      {end.error !== undefined && (
        <p className="error" role="alert">
          {end.error}
        </p>
      )}
    </div>
  );
}

const selectRun = (state: RuntimeState) => state.run;

/**
 * Progress, the end summary, the best trial (argmin and spaceEval), the live charts and the
 * trials with their detail, for the current or last run. `space` is the space that run used.
 */
export function ResultsPanel({ space }: { space: CompiledSpace | undefined }) {
  const run = useRuntimeSelector(selectRun);
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const now = useTicker(run?.phase === 'running', 250);
  useEffect(() => preloadCharts(), []);
  const labels = useMemo(() => space?.params.map((p) => p.label) ?? [], [space]);
  if (run === undefined) {
    return (
      <p className="empty-state">
        Nothing has run yet. Press Run (Ctrl+Enter) to evaluate the objective over the search space; progress
        and trials appear here.
      </p>
    );
  }
  const elapsedMs = Math.max(
    0,
    run.end?.elapsedMs ?? (run.startedAt === undefined ? 0 : now - run.startedAt),
  );
  const detail = selected === undefined ? undefined : run.rows.find((r) => r.tid === selected);
  return (
    <div className="results">
      <ProgressView run={run} elapsedMs={elapsedMs} />
      <Parallelism run={run} />
      <Summary run={run} />
      <BestResult run={run} space={space} />
      <Charts run={run} labels={labels} elapsedMs={elapsedMs} />
      <TrialsTable rows={run.rows} selected={selected} onSelect={setSelected} />
      {detail !== undefined && (
        <TrialDetail row={detail} space={space} onClose={() => setSelected(undefined)} />
      )}
    </div>
  );
}
