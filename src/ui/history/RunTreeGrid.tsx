import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { COLUMNS, type ColumnId } from './columns';
import { runRoute } from './run/RunLink';
import { RunRow, type RowHandlers } from './RunRow';
import type { Sort, TreeRow } from './treeRows';

/**
 * Row height (px) and rows drawn beyond the visible ones. Virtualised by hand as the trials table
 * is (a fixed row height; the rows above and below the window are one spacer row each), so it stays
 * a real table: a treegrid whose rows carry aria-level, aria-posinset and aria-expanded.
 */
export const ROW_PX = 40;
const OVERSCAN = 10;

export type GridHandlers = Omit<RowHandlers, 'focus' | 'keyDown'>;

/** Keys a focused row answers (the treegrid pattern, row-focus flavour). */
const KEYS = new Set([
  'ArrowDown',
  'ArrowUp',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageDown',
  'PageUp',
  'Enter',
  ' ',
]);

export function RunTreeGrid({
  rows,
  selected,
  sort,
  onSort,
  now,
  handlers,
}: {
  rows: readonly TreeRow[];
  selected: ReadonlySet<string>;
  sort: Sort;
  onSort: (column: ColumnId) => void;
  now: number;
  handlers: GridHandlers;
}) {
  const wrap = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewPx, setViewPx] = useState(600);
  const [focusedId, setFocusedId] = useState<string | undefined>(undefined);
  const pendingFocus = useRef<string | undefined>(undefined);

  useLayoutEffect(() => {
    const el = wrap.current;
    if (el === null) return;
    const measure = () => setViewPx(el.clientHeight || 600);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const indexOf = useMemo(() => new Map(rows.map((r, i) => [r.run.id, i])), [rows]);
  const focusedIndex = focusedId !== undefined ? (indexOf.get(focusedId) ?? -1) : -1;
  const tabStop = focusedIndex >= 0 ? focusedIndex : 0;

  /** Moves focus to a row, scrolling it into the window first (it may not be drawn yet). */
  const focusRow = useCallback(
    (index: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
      const el = wrap.current;
      if (row === undefined || el === null) return;
      const i = indexOf.get(row.run.id)!;
      const header = ROW_PX;
      const top = i * ROW_PX;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_PX + header > el.scrollTop + el.clientHeight)
        el.scrollTop = top + ROW_PX + header - el.clientHeight;
      setScrollTop(el.scrollTop);
      setFocusedId(row.run.id);
      pendingFocus.current = row.run.id;
    },
    [rows, indexOf],
  );

  useEffect(() => {
    const id = pendingFocus.current;
    if (id === undefined) return;
    const el = document.getElementById(`run-row-${id}`);
    if (el !== null) {
      pendingFocus.current = undefined;
      el.focus({ preventScroll: true });
    }
  });

  const keyDown = useCallback(
    (e: KeyboardEvent<HTMLTableRowElement>, row: TreeRow) => {
      if (e.target !== e.currentTarget || !KEYS.has(e.key)) return;
      e.preventDefault();
      const i = indexOf.get(row.run.id) ?? 0;
      const page = Math.max(1, Math.floor(viewPx / ROW_PX) - 1);
      switch (e.key) {
        case 'ArrowDown':
          return focusRow(i + 1);
        case 'ArrowUp':
          return focusRow(i - 1);
        case 'Home':
          return focusRow(0);
        case 'End':
          return focusRow(rows.length - 1);
        case 'PageDown':
          return focusRow(i + page);
        case 'PageUp':
          return focusRow(i - page);
        case 'ArrowRight':
          if (row.expandable && !row.expanded) return handlers.toggle(row);
          if (row.expanded && rows[i + 1]?.level === row.level + 1) return focusRow(i + 1);
          return;
        case 'ArrowLeft':
          if (row.expanded) return handlers.toggle(row);
          if (row.parent !== undefined) return focusRow(indexOf.get(row.parent.id) ?? i);
          return;
        case 'Enter':
          return handlers.navigate(runRoute(row.run.id));
        case ' ':
          return handlers.select(row, !selected.has(row.run.id));
      }
    },
    [indexOf, rows, viewPx, focusRow, handlers, selected],
  );

  const rowHandlers = useMemo<RowHandlers>(
    () => ({ ...handlers, focus: setFocusedId, keyDown }),
    [handlers, keyDown],
  );

  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewPx) / ROW_PX) + OVERSCAN);
  const sortLabel = (id: ColumnId) =>
    sort.column === id ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';

  return (
    <div ref={wrap} className="history-grid-wrap" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <table
        className="history-grid"
        role="treegrid"
        aria-label="Run history"
        aria-rowcount={rows.length + 1}
        aria-multiselectable="true"
      >
        <colgroup>
          <col className="col-select" />
          <col className="col-name" />
          {COLUMNS.slice(1).map((c) => (
            <col key={c.id} className={`col-${c.id}`} />
          ))}
          <col className="col-actions" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">
              <span className="visually-hidden">Selected</span>
            </th>
            {COLUMNS.map((c) => (
              <th key={c.id} scope="col" aria-sort={sortLabel(c.id)} className={c.numeric ? 'num' : ''}>
                <button type="button" className="sort" onClick={() => onSort(c.id)}>
                  {c.label}
                  <span aria-hidden="true">
                    {sort.column === c.id ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" className="spacer" style={{ height: first * ROW_PX }} />}
          {rows.slice(first, last).map((row, k) => (
            <RunRow
              key={row.run.id}
              row={row}
              index={first + k}
              selected={selected.has(row.run.id)}
              focused={first + k === tabStop}
              now={now}
              handlers={rowHandlers}
            />
          ))}
          {last < rows.length && (
            <tr aria-hidden="true" className="spacer" style={{ height: (rows.length - last) * ROW_PX }} />
          )}
        </tbody>
      </table>
    </div>
  );
}
