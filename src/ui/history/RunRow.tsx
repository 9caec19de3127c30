import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { Run } from '../../tracking';
import { formatRoute, type Route } from '../nav/route';
import { cellText, COLUMNS } from './columns';
import { RowActions } from './RowActions';
import { runRoute } from './run/RunLink';
import type { TreeRow } from './treeRows';

/**
 * A link to a run's page: a real href (new tab works), navigating in place on a plain click. Not
 * run/RunLink: that one reads the navigation context, whose value changes with every route (each
 * filter keystroke), which would re-render every memoised row; a row also needs an aria-label.
 */
export function RunLink({
  id,
  label,
  navigate,
  children,
}: {
  id: string;
  label?: string;
  navigate: (route: Route) => void;
  children: string;
}) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(runRoute(id));
  };
  return (
    <a href={formatRoute(runRoute(id))} aria-label={label} onClick={follow}>
      {children}
    </a>
  );
}

export interface RowHandlers {
  toggle: (row: TreeRow) => void;
  select: (row: TreeRow, on: boolean) => void;
  focus: (id: string) => void;
  keyDown: (e: KeyboardEvent<HTMLTableRowElement>, row: TreeRow) => void;
  remove: (run: Run) => void;
  error: (error: unknown) => void;
  navigate: (route: Route) => void;
}

/**
 * One run of the treegrid. Run content is untrusted: it is only ever rendered as text. Rows are
 * memoised: a row re-renders only when its run, place or selection changed.
 */
export const RunRow = memo(function RunRow({
  row,
  index,
  selected,
  focused,
  now,
  handlers,
}: {
  row: TreeRow;
  index: number;
  selected: boolean;
  focused: boolean;
  now: number;
  handlers: RowHandlers;
}) {
  const { run, level, expandable, expanded, loading, matched, parent } = row;
  const context = matched === false;
  return (
    <tr
      id={`run-row-${run.id}`}
      aria-level={level}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={expandable ? expanded : undefined}
      aria-selected={selected}
      aria-rowindex={index + 2}
      aria-busy={loading || undefined}
      tabIndex={focused ? 0 : -1}
      data-status={run.status}
      className={`${selected ? 'selected' : ''}${context ? ' context' : ''}${matched ? ' matched' : ''}`}
      onKeyDown={(e) => handlers.keyDown(e, row)}
      onFocus={() => handlers.focus(run.id)}
    >
      <td className="select">
        <input
          type="checkbox"
          aria-label={`Select ${run.name}`}
          checked={selected}
          tabIndex={-1}
          onChange={(e) => handlers.select(row, e.target.checked)}
        />
      </td>
      <th scope="row" className="name" style={{ paddingLeft: `${0.25 + (level - 1) * 1.25}rem` }}>
        {expandable ? (
          <button
            type="button"
            className="expander"
            tabIndex={-1}
            aria-label={`${expanded ? 'Collapse' : 'Expand'} ${run.name}`}
            onClick={() => handlers.toggle(row)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="expander-space" />
        )}
        <RunLink id={run.id} navigate={handlers.navigate}>
          {run.name}
        </RunLink>
        {parent !== undefined && (
          <span className="parent-link">
            <RunLink id={parent.id} label={`Parent run ${parent.name}`} navigate={handlers.navigate}>
              ↑
            </RunLink>
          </span>
        )}
        {matched === true && <span className="match-mark">matches</span>}
        {loading && <span className="muted"> loading…</span>}
      </th>
      {COLUMNS.slice(1).map((column) => (
        <td
          key={column.id}
          className={`cell-${column.id}${column.numeric ? ' num' : ''}`}
          title={
            column.id === 'start'
              ? new Date(run.startTime).toLocaleString()
              : column.id === 'status'
                ? cellText(column.id, run, now)
                : undefined
          }
        >
          {column.id === 'status' ? (
            <span className={`run-status run-status-${run.status.toLowerCase()}`}>
              {cellText(column.id, run, now)}
            </span>
          ) : (
            cellText(column.id, run, now)
          )}
        </td>
      ))}
      <td className="actions-cell">
        <RowActions run={run} onDelete={handlers.remove} onError={handlers.error} />
      </td>
    </tr>
  );
});
