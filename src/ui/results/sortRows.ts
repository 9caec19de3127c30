/** Sorting of the trials table (pure): by trial number, status, loss or duration. */
import type { TrialRow } from '../../runtime/run/progress';

export type SortKey = 'tid' | 'status' | 'loss' | 'duration';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const value = (row: TrialRow, key: SortKey): number | string | undefined =>
  key === 'tid' ? row.tid : key === 'status' ? row.status : key === 'loss' ? row.loss : row.durationMs;

/** A sorted copy; rows without the value (a failed trial's loss) go last in either direction. */
export function sortRows(rows: readonly TrialRow[], sort: Sort): readonly TrialRow[] {
  if (sort.key === 'tid') return sort.dir === 'asc' ? rows : rows.slice().reverse();
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows.slice().sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    if (x === undefined || y === undefined) return x === y ? a.tid - b.tid : x === undefined ? 1 : -1;
    if (x < y) return -sign;
    if (x > y) return sign;
    return a.tid - b.tid;
  });
}
