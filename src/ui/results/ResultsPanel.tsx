import { useEffect, useState } from 'react';
import type { RunView } from '../../runtime/run/progress';
import type { RuntimeState } from '../../runtime/runtime';
import { useRuntimeSelector } from '../runtime/runtimeContext';
import { describeStop, formatDuration, formatLoss } from './format';
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

function Progress({ run }: { run: RunView }) {
  const now = useTicker(run.phase === 'running', 250);
  const elapsed = run.end?.elapsedMs ?? (run.startedAt === undefined ? 0 : now - run.startedAt);
  return (
    <p className="progress" role="status" aria-label="Run progress">
      {run.finished} of {run.maxEvals} done · {run.running} running now · best loss{' '}
      {formatLoss(run.best?.loss)} · {formatDuration(Math.max(0, elapsed))} elapsed
    </p>
  );
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

/** Progress, the end summary and the trials of the current or last run. */
export function ResultsPanel() {
  const run = useRuntimeSelector(selectRun);
  if (run === undefined) {
    return (
      <p className="empty-state">
        Nothing has run yet. Press Run (Ctrl+Enter) to evaluate the objective over the search space; progress
        and trials appear here.
      </p>
    );
  }
  return (
    <div className="results">
      <Progress run={run} />
      <Parallelism run={run} />
      <Summary run={run} />
      <TrialsTable rows={run.rows} running={run.phase === 'running'} />
    </div>
  );
}
