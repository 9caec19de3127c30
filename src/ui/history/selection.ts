/**
 * The selection of runs (pure helpers): which selected runs are roots (no selected ancestor), so
 * that export and delete, which take each run with its descendants, name each run once.
 */
import type { Run } from '../../tracking';

/** The selected runs without a selected ancestor, in selection order (runs not known are kept). */
export function selectionRoots(selected: Iterable<string>, known: ReadonlyMap<string, Run>): string[] {
  const set = new Set(selected);
  const roots: string[] = [];
  for (const id of set) {
    let parent = known.get(id)?.parentRunId ?? null;
    let covered = false;
    for (let hops = 0; parent !== null && hops < 64; hops++) {
      if (set.has(parent)) {
        covered = true;
        break;
      }
      parent = known.get(parent)?.parentRunId ?? null;
    }
    if (!covered) roots.push(id);
  }
  return roots;
}

/** `selected` with `ids` added (on) or removed; the same set when nothing changes. */
export function withIds(
  selected: ReadonlySet<string>,
  ids: readonly string[],
  on: boolean,
): ReadonlySet<string> {
  if (ids.every((id) => selected.has(id) === on)) return selected;
  const next = new Set(selected);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}
