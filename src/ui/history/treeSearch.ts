/**
 * Filtering the run tree with an MLflow filter, without making the user wait for a full scan.
 * Unlike MLflow, a parent whose children match stays, with those children under it: the result is
 * the set of matching runs plus, for every run on the way to one, which of its children lead there.
 *
 * Parents come first (one index read, milliseconds); children are read one parent at a time
 * through the parent index and tested as they arrive, with the partial result published as it
 * grows, so the first matches show long before 100,000 children are read. A parent's result is
 * kept while its summary and status stay the same, so a live run only rescans its own children.
 */
import { compileFilter, parseFilter } from '../../tracking';
import type { Run, RunStore } from '../../tracking';

export interface FilterResult {
  /** Runs matching the filter. */
  matched: ReadonlySet<string>;
  /** Per run: its children that match or lead to a match (only runs on such a path are keys). */
  shown: ReadonlyMap<string, readonly Run[]>;
  /** Top-level runs to show: matching, or with a matching descendant. */
  roots: readonly Run[];
  /** Parents whose children were searched so far, of `total` that have any. */
  scanned: number;
  total: number;
  done: boolean;
}

interface Subtree {
  matched: string[];
  shown: Map<string, readonly Run[]>;
}

type Predicate = (run: Run) => boolean;

/** What makes what was read below a run stale: anything a change to its children changes. */
export const signature = (run: Run): string => {
  const c = run.children;
  return `${run.status} ${run.endTime} ${c.total} ${c.running} ${c.finished} ${c.failed} ${c.killed}`;
};

/** Searches a run's descendants (level by level, reading children through the parent index). */
async function searchBelow(store: RunStore, run: Run, test: Predicate, into: Subtree): Promise<boolean> {
  const children = await store.listRuns({ parentRunId: run.id });
  const keep: Run[] = [];
  for (const child of children) {
    let leads = test(child);
    if (leads) into.matched.push(child.id);
    if (child.children.total > 0 && (await searchBelow(store, child, test, into))) leads = true;
    if (leads) keep.push(child);
  }
  if (keep.length > 0) into.shown.set(run.id, keep);
  return keep.length > 0;
}

/** Parents whose children are read at the same time. */
const CONCURRENT_READS = 4;

/** Yields to the event loop so a long scan never holds a frame for long. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A filter over the tree; `search` may be called again (new parents after a change) and reuses
 * what it found for parents that did not change.
 */
export class TreeSearch {
  private readonly test: Predicate;
  private readonly cache = new Map<string, { signature: string; subtree: Subtree }>();

  /** @throws QueryError (with the column) when the filter does not parse. */
  constructor(
    private readonly store: RunStore,
    readonly filter: string,
  ) {
    this.test = compileFilter(parseFilter(filter));
  }

  /**
   * Searches below `parents`, calling `publish` with the result so far about every `everyMs` and
   * when done. Stops early (without publishing) once `cancelled()` is true.
   */
  async search(
    parents: readonly Run[],
    publish: (result: FilterResult) => void,
    cancelled: () => boolean,
    everyMs = 150,
  ): Promise<void> {
    const withChildren = parents.filter((p) => p.children.total > 0);
    const results = new Map<string, Subtree>();
    const seen = new Set(parents.map((p) => p.id));
    for (const id of this.cache.keys()) if (!seen.has(id)) this.cache.delete(id);
    let scanned = 0;
    const build = (done: boolean): FilterResult => {
      const matched = new Set<string>();
      const shown = new Map<string, readonly Run[]>();
      const roots: Run[] = [];
      for (const parent of parents) {
        const below = results.get(parent.id);
        const self = this.test(parent);
        if (self) matched.add(parent.id);
        if (below !== undefined) {
          for (const id of below.matched) matched.add(id);
          for (const [k, v] of below.shown) shown.set(k, v);
        }
        if (self || (below?.shown.has(parent.id) ?? false)) roots.push(parent);
      }
      return { matched, shown, roots, scanned, total: withChildren.length, done };
    };
    let lastPublish = performance.now();
    publish(build(false));
    // A few parents are read at once: IndexedDB fetches the next rows while this thread decodes
    // and tests the last ones.
    let next = 0;
    let stopped = false;
    const worker = async () => {
      while (!stopped && next < withChildren.length) {
        const parent = withChildren[next++]!;
        const cached = this.cache.get(parent.id);
        let subtree: Subtree;
        if (cached !== undefined && cached.signature === signature(parent)) {
          subtree = cached.subtree;
        } else {
          subtree = { matched: [], shown: new Map() };
          await searchBelow(this.store, parent, this.test, subtree);
          if (cancelled()) {
            stopped = true;
            return;
          }
          this.cache.set(parent.id, { signature: signature(parent), subtree });
        }
        results.set(parent.id, subtree);
        scanned++;
        if (performance.now() - lastPublish >= everyMs) {
          lastPublish = performance.now();
          await breathe();
          if (cancelled()) {
            stopped = true;
            return;
          }
          publish(build(false));
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT_READS }, worker));
    if (stopped) return;
    if (!cancelled()) publish(build(true));
  }
}
