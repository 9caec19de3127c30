import type { TrialRow } from '../../runtime/run/progress';
import { formatDuration, formatLoss } from './format';

/** Rows rendered at most: a 10,000-trial run must not make every update a long task. */
export const MAX_ROWS = 200;

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

/** The latest trials: status, loss, duration and why a trial failed (with the objective line). */
export function TrialsTable({ rows }: { rows: readonly TrialRow[] }) {
  if (rows.length === 0) return null;
  const shown = rows.length > MAX_ROWS ? rows.slice(rows.length - MAX_ROWS) : rows;
  return (
    <div className="table-wrap">
      <table className="trials">
        <caption>
          {rows.length > MAX_ROWS
            ? `Trials: the last ${MAX_ROWS} of ${rows.length}`
            : `Trials (${rows.length})`}
        </caption>
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
            <tr key={row.tid} data-status={row.status}>
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
          ))}
        </tbody>
      </table>
    </div>
  );
}
