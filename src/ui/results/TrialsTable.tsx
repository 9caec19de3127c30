import { memo, useMemo, useState, type UIEvent } from 'react';
import type { TrialRow } from '../../runtime/run/progress';
import { formatDuration, formatLoss } from './format';
import { sortRows, type Sort, type SortKey } from './sortRows';

/**
 * Row height (px) and the rows drawn beyond the visible ones. The table is virtualised by hand (a
 * fixed row height makes it a few lines: rows above and below the window are one spacer row each),
 * rather than with a library, so that it stays a real <table> with row headers.
 */
export const ROW_PX = 30;
const VIEW_PX = 420;
const OVERSCAN = 8;

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
const Row = memo(function Row({
  row,
  index,
  selected,
  onSelect,
}: {
  row: TrialRow;
  index: number;
  selected: boolean;
  onSelect: (tid: number) => void;
}) {
  return (
    <tr
      data-status={row.status}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={selected ? 'selected' : ''}
    >
      <th scope="row">
        <button type="button" className="link" onClick={() => onSelect(row.tid)}>
          {row.tid}
        </button>
      </th>
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

const COLUMNS: [SortKey, string][] = [
  ['tid', 'Trial'],
  ['status', 'Status'],
  ['loss', 'Loss'],
  ['duration', 'Duration'],
];

/** Every trial (virtualised for 10,000 rows), sortable by column; a trial's number opens its detail. */
export function TrialsTable({
  rows,
  selected,
  onSelect,
}: {
  rows: readonly TrialRow[];
  selected: number | undefined;
  onSelect: (tid: number) => void;
}) {
  const [sort, setSort] = useState<Sort>({ key: 'tid', dir: 'asc' });
  const [scrollTop, setScrollTop] = useState(0);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  if (rows.length === 0) return null;
  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN);
  const last = Math.min(sorted.length, Math.ceil((scrollTop + VIEW_PX) / ROW_PX) + OVERSCAN);
  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  return (
    <div
      className="table-wrap"
      style={{ maxHeight: VIEW_PX }}
      onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
      tabIndex={0}
      role="region"
      aria-label="Trials table"
    >
      <table className="trials" aria-rowcount={sorted.length + 1}>
        <caption>
          Trials ({rows.length}), by {COLUMNS.find(([k]) => k === sort.key)![1].toLowerCase()}{' '}
          {sort.dir === 'asc' ? 'ascending' : 'descending'}
        </caption>
        <colgroup>
          <col className="col-tid" />
          <col className="col-status" />
          <col className="col-loss" />
          <col className="col-duration" />
          <col />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map(([key, name]) => (
              <th
                key={key}
                scope="col"
                aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="sort" onClick={() => toggle(key)}>
                  {name}
                  <span aria-hidden="true">{sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_PX }} />}
          {sorted.slice(first, last).map((row, i) => (
            <Row
              key={row.tid}
              row={row}
              index={first + i}
              selected={row.tid === selected}
              onSelect={onSelect}
            />
          ))}
          {last < sorted.length && (
            <tr aria-hidden="true" style={{ height: (sorted.length - last) * ROW_PX }} />
          )}
        </tbody>
      </table>
    </div>
  );
}
