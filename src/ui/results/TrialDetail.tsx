import { lazy, Suspense, useEffect, useRef } from 'react';
import { spaceEval, type CompiledSpace } from '../../core';
import type { TrialRow } from '../../runtime/run/progress';
import { ExplainTrialButton } from '../learn/tpe/ExplainTrialButton';
import { formatDuration, formatLoss } from './format';

const MetricCurves = lazy(() => import('../charts/MetricCurves'));

function safeEval(
  space: CompiledSpace | undefined,
  vals: Readonly<Record<string, number>> | undefined,
): string {
  if (space === undefined || vals === undefined) return '—';
  try {
    return JSON.stringify(spaceEval(space, vals), null, 1);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function Pairs({ title, entries }: { title: string; entries: [string, string][] }) {
  if (entries.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <dl className="pairs">
        {entries.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** One trial: params, result, logged metrics (curves when stepped), tags, artifacts and console. */
export function TrialDetail({
  row,
  space,
  onClose,
}: {
  row: TrialRow;
  space: CompiledSpace | undefined;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a trial takes the keyboard to its detail (below the table).
  useEffect(() => heading.current?.focus(), [row.tid]);
  const log = row.run;
  const metrics = log?.metrics ?? [];
  const lastMetrics = new Map(metrics.map((m) => [m.key, m.value]));
  const stepped = [...new Set(metrics.map((m) => m.key))].some(
    (k) => metrics.filter((m) => m.key === k).length > 1,
  );
  return (
    <section className="trial-detail" aria-label={`Trial ${row.tid} detail`}>
      <div className="detail-bar">
        <h3 ref={heading} tabIndex={-1}>
          Trial {row.tid}
        </h3>
        <ExplainTrialButton row={row} />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p>
        <span className={`status status-${row.status}`}>{row.status}</span> · loss {formatLoss(row.loss)} ·
        duration {formatDuration(row.durationMs)}
        {row.slot !== undefined && ` · worker ${row.slot + 1}`}
      </p>
      {row.error !== undefined && (
        <p className="error">
          {row.error.type}: {row.error.message}
          {row.error.line !== undefined && ` (line ${row.error.line})`}
        </p>
      )}
      <div className="chart-pair">
        <div>
          <h4>vals (as fmin records them)</h4>
          <pre className="code-block">{JSON.stringify(row.vals ?? {}, null, 1)}</pre>
        </div>
        <div>
          <h4>params (what the objective received)</h4>
          <pre className="code-block">{safeEval(space, row.vals)}</pre>
        </div>
      </div>
      <Pairs title="Metrics (last value)" entries={[...lastMetrics].map(([k, v]) => [k, formatLoss(v)])} />
      {stepped && (
        <Suspense fallback={<p className="muted">Loading the metric curves…</p>}>
          <MetricCurves metrics={metrics} />
        </Suspense>
      )}
      <Pairs title="Logged params" entries={Object.entries(log?.params ?? {})} />
      <Pairs title="Tags" entries={Object.entries(log?.tags ?? {})} />
      {(log?.artifacts ?? []).map((a) => (
        <details key={a.name}>
          <summary>Artifact {a.name}</summary>
          <pre className="code-block">
            {a.content.length > 20_000 ? `${a.content.slice(0, 20_000)}…` : a.content}
          </pre>
        </details>
      ))}
      {(log?.logs.length ?? 0) > 0 && (
        <details>
          <summary>Console ({log!.logs.length} lines)</summary>
          <pre className="code-block">{log!.logs.map((l) => `[${l.level}] ${l.text}`).join('\n')}</pre>
        </details>
      )}
    </section>
  );
}
