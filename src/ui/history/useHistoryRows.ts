import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Run } from '../../tracking';
import type { ColumnId } from './columns';
import { DEFAULT_SORT, flattenTree, type Sort, type TreeRow, type TreeSource } from './treeRows';
import { useTracking } from '../tracking/trackingContext';
import { useRunTree, type RunTree } from './useRunTree';
import { useTreeFilter, type TreeFilter } from './useTreeFilter';

export interface HistoryRows {
  tree: RunTree;
  filter: TreeFilter;
  rows: readonly TreeRow[];
  sort: Sort;
  sortBy: (column: ColumnId) => void;
  toggle: (row: TreeRow) => void;
  /** Every run read so far, filtered ones included, by id. */
  known: ReadonlyMap<string, Run>;
  /** A run's children as the list shows them (filtered or all), read if need be. */
  descendants: (run: Run) => Promise<readonly Run[]>;
  /** Clock for durations of running runs (ticks while one runs). */
  now: number;
}

/** Columns whose first click sorts descending (newest, longest first). */
const DESCENDING_FIRST: readonly ColumnId[] = ['start', 'duration'];

/**
 * What the History list draws: the tree (unfiltered: parents with lazily read children; filtered:
 * what the filter found, matching parents expanded), sorted, flattened into rows.
 */
export function useHistoryRows(filterText: string): HistoryRows {
  const tree = useRunTree();
  const filter = useTreeFilter(filterText, tree.parents);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // Under a filter every run leading to a match starts expanded; the user may collapse some.
  const [collapsed, setCollapsed] = useState<{ filter: string; ids: ReadonlySet<string> }>({
    filter: '',
    ids: new Set(),
  });
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [now, setNow] = useState(() => Date.now());
  const { want, unwant, parents, children, byId } = tree;
  const result = filter.result;

  const running = parents?.some((p) => p.status === 'RUNNING') ?? false;
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [running]);

  const collapsedIds = collapsed.filter === filterText ? collapsed.ids : undefined;
  const source = useMemo<TreeSource>(() => {
    if (filter.active) {
      const shown = result?.shown ?? new Map<string, readonly Run[]>();
      return {
        roots: result?.roots ?? [],
        childrenOf: (run) => shown.get(run.id) ?? [],
        hasChildren: (run) => shown.has(run.id),
        isExpanded: (id) => !(collapsedIds?.has(id) ?? false),
        matched: (id) => result?.matched.has(id) ?? false,
      };
    }
    return {
      roots: parents ?? [],
      childrenOf: (run) => children.get(run.id),
      hasChildren: (run) => run.children.total > 0,
      isExpanded: (id) => expanded.has(id),
    };
  }, [filter.active, result, collapsedIds, parents, children, expanded]);

  const rows = useMemo(() => flattenTree(source, sort, now), [source, sort, now]);

  // Expanded runs whose children are not read (yet, or any more) are read.
  useEffect(() => {
    for (const row of rows) if (row.loading) want(row.run);
  }, [rows, want]);

  const toggle = useCallback(
    (row: TreeRow) => {
      const id = row.run.id;
      if (filter.active) {
        setCollapsed((c) => {
          const ids = new Set(c.filter === filterText ? c.ids : []);
          if (row.expanded) ids.add(id);
          else ids.delete(id);
          return { filter: filterText, ids };
        });
        return;
      }
      if (row.expanded) {
        setExpanded((e) => {
          const next = new Set(e);
          next.delete(id);
          return next;
        });
        unwant(id);
      } else {
        setExpanded((e) => new Set(e).add(id));
        want(row.run);
      }
    },
    [filter.active, filterText, want, unwant],
  );

  const sortBy = useCallback(
    (column: ColumnId) =>
      setSort((s) =>
        s.column === column
          ? { column, dir: s.dir === 'asc' ? 'desc' : 'asc' }
          : { column, dir: DESCENDING_FIRST.includes(column) ? 'desc' : 'asc' },
      ),
    [],
  );

  const known = useMemo(() => {
    if (result === undefined) return byId;
    const all = new Map(byId);
    for (const list of result.shown.values()) for (const run of list) all.set(run.id, run);
    return all;
  }, [byId, result]);

  const { store } = useTracking();
  const descendants = useCallback(
    async (run: Run): Promise<readonly Run[]> => {
      const out: Run[] = [];
      const visit = async (r: Run) => {
        const list = filter.active
          ? (result?.shown.get(r.id) ?? [])
          : (children.get(r.id) ??
            (r.children.total > 0 && store ? await store.listRuns({ parentRunId: r.id }) : []));
        for (const child of list) {
          out.push(child);
          await visit(child);
        }
      };
      await visit(run);
      return out;
    },
    [filter.active, result, children, store],
  );

  return { tree, filter, rows, sort, sortBy, toggle, known, descendants, now };
}
