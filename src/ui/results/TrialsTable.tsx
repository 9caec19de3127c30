import { memo } from 'react';
import type { TrialRow } from '../../runtime/run/progress';
import { formatDuration, formatLoss } from './format';

/**
 * Rows rendered at most, newest first: a 10,000-trial run must not make every progress update a
 * long task (each batch would otherwise unmount and mount hundreds of rows).
 */
export const MAX_ROWS = 100;
/** Fewer while a run goes on: rows shift on every update, and each shift is layout and paint. */
export const MAX_ROWS_RUNNING = 20;

function Details({ row }: { row: TrialRow }) {
  if (row.error !== undefined) {
    return (
      <span className={row.status === 'cancelled' ? 'muted' : 'error'}>
        {row.error.type}: {row.error.message}
        {row.error.line !== undefined && <strong className="line-ref"> (line {row.error.line})</strong>}
      </span>
    );
  }
  const metrics = row.run?.metrics ?? [];
  if (metrics.length === 0) return null;
  const last = new Map(metrics.map((m) => [m.key, m.value]));
  return (
    <span className="muted">
      {[...last].map(([key, value]) => `${key} ${formatLoss(value)}`).join(' · ')}
    </span>
  );
}

/** One trial; rows are immutable objects, so an unchanged row skips rendering. */
const Row = memo(function Row({ row }: { row: TrialRow }) {
  return (
    <tr data-status={row.status}>
      <th scope="row">{row.tid}</th>
      <td>
        <span className={`status status-${row.status}`}>{row.status}</span>
      </td>
      <td className="num">{formatLoss(row.loss)}</td>
      <td className="num">{formatDuration(row.durationMs)}</td>
      <td>
        <Details row={row} />
      </td>
    </tr>
  );
});

/** The latest trials, newest first: status, loss, duration and why a trial failed (with the line). */
export function TrialsTable({ rows, running }: { rows: readonly TrialRow[]; running: boolean }) {
  if (rows.length === 0) return null;
  const limit = running ? MAX_ROWS_RUNNING : MAX_ROWS;
  const shown: TrialRow[] = [];
  for (let i = rows.length - 1; i >= 0 && shown.length < limit; i--) shown.push(rows[i]!);
  return (
    <div className="table-wrap">
      <table className="trials">
        <caption>
          {rows.length > MAX_ROWS
            ? `Trials, newest first: the last ${MAX_ROWS} of ${rows.length}`
            : `Trials, newest first (${rows.length})`}
        </caption>
        <colgroup>
          <col className="col-tid" />
          <col className="col-status" />
          <col className="col-loss" />
          <col className="col-duration" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Trial</th>
            <th scope="col">Status</th>
            <th scope="col">Loss</th>
            <th scope="col">Duration</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <Row key={row.tid} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
