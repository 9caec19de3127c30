/**
 * The run tree as the rows a treegrid draws (pure): parents, and under each expanded run its
 * children, depth first, siblings sorted by the chosen column. Virtualisation needs one flat list
 * with each row's level and position among its siblings (aria-level, aria-posinset).
 */
import type { Run } from '../../tracking';
import { columnById, type ColumnId } from './columns';

export interface Sort {
  column: ColumnId;
  dir: 'asc' | 'desc';
}

/** Newest first, as MLflow lists runs. */
export const DEFAULT_SORT: Sort = { column: 'start', dir: 'desc' };

export interface TreeRow {
  run: Run;
  /** 1 for top-level runs. */
  level: number;
  posInSet: number;
  setSize: number;
  /** The run has children that can be shown. */
  expandable: boolean;
  expanded: boolean;
  /** Expanded, and its children are being read. */
  loading: boolean;
  /** Under a filter: whether the run itself matches (else a descendant of it does). */
  matched: boolean | undefined;
  parent: Run | undefined;
}

/** What the tree is made of; the view decides (filtered or not, loaded or not). */
export interface TreeSource {
  roots: readonly Run[];
  /** A run's children to show, or undefined while they are not loaded. */
  childrenOf: (run: Run) => readonly Run[] | undefined;
  /** Whether the run has children to show at all (known without loading them). */
  hasChildren: (run: Run) => boolean;
  isExpanded: (id: string) => boolean;
  /** Under a filter: whether the run matches it. */
  matched?: (id: string) => boolean;
}

const missing = (v: string | number | undefined): boolean =>
  v === undefined || (typeof v === 'number' && Number.isNaN(v));

/** Compares runs by a column (missing values last either way), then newest first, then by id. */
export function compareRuns(sort: Sort, now: number): (a: Run, b: Run) => number {
  const { value } = columnById(sort.column);
  const sign = sort.dir === 'asc' ? 1 : -1;
  return (a, b) => {
    const va = value(a, now);
    const vb = value(b, now);
    const ma = missing(va);
    const mb = missing(vb);
    if (ma !== mb) return ma ? 1 : -1;
    if (!ma && va !== vb) return (va! < vb! ? -1 : 1) * sign;
    return b.startTime - a.startTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

// Sorting a 10,000-child list again on every render would cost a frame: remember the last order
// of each list (lists are replaced, never mutated, when they change).
const sortedCache = new WeakMap<readonly Run[], { key: string; runs: readonly Run[] }>();

export function sortSiblings(runs: readonly Run[], sort: Sort, now: number): readonly Run[] {
  // Durations of running runs change with `now`; other columns do not.
  const key = `${sort.column} ${sort.dir}${sort.column === 'duration' ? ` ${now}` : ''}`;
  const cached = sortedCache.get(runs);
  if (cached?.key === key) return cached.runs;
  const sorted = [...runs].sort(compareRuns(sort, now));
  sortedCache.set(runs, { key, runs: sorted });
  return sorted;
}

/** The visible rows, depth first. */
export function flattenTree(source: TreeSource, sort: Sort, now: number): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (runs: readonly Run[], level: number, parent: Run | undefined) => {
    const sorted = sortSiblings(runs, sort, now);
    sorted.forEach((run, i) => {
      const expandable = source.hasChildren(run);
      const expanded = expandable && source.isExpanded(run.id);
      const children = expanded ? source.childrenOf(run) : undefined;
      rows.push({
        run,
        level,
        posInSet: i + 1,
        setSize: sorted.length,
        expandable,
        expanded,
        loading: expanded && children === undefined,
        matched: source.matched?.(run.id),
        parent,
      });
      if (children !== undefined) visit(children, level + 1, run);
    });
  };
  visit(source.roots, 1, undefined);
  return rows;
}
