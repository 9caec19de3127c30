import { useCallback, useEffect, useRef, useState } from 'react';
import type { Run } from '../../tracking';
import { useTracking } from '../tracking/trackingContext';
import { throttledTask, type ThrottledTask } from './throttledTask';
import { signature } from './treeSearch';

/** Re-reading after a change waits at least this long (and longer when reads are slow). */
const MIN_GAP_MS = 400;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface RunTree {
  /** Top-level runs of every experiment; undefined until first read. */
  parents: readonly Run[] | undefined;
  /** Children read so far, by parent id (only of runs the view asked for). */
  children: ReadonlyMap<string, readonly Run[]>;
  /** Every run read so far, by id. */
  byId: ReadonlyMap<string, Run>;
  error: string | undefined;
  /** Reads a run's children (once) and keeps them fresh while wanted. */
  want: (run: Run) => void;
  /** Forgets a run's children (collapsed): memory stays bounded by what is open. */
  unwant: (id: string) => void;
}

interface Loaded {
  parents: readonly Run[] | undefined;
  children: ReadonlyMap<string, readonly Run[]>;
  byId: ReadonlyMap<string, Run>;
}

/**
 * The run history as a lazily read tree, kept fresh: parents are listed first (one index read);
 * children only when asked for. When something is stored (here or in another tab: `version`),
 * parents are read again, and a run's children only if its child summary changed, throttled, so
 * a 10,000-trial run going on does not re-list everything constantly.
 */
export function useRunTree(): RunTree {
  const { store, version } = useTracking();
  const [loaded, setLoaded] = useState<Loaded>({ parents: undefined, children: new Map(), byId: new Map() });
  const [error, setError] = useState<string | undefined>(undefined);
  const current = useRef(loaded);
  const wanted = useRef(new Set<string>());
  const alive = useRef(true);

  const publish = useCallback((next: Loaded) => {
    current.current = next;
    if (alive.current) setLoaded(next);
  }, []);

  const read = useCallback(async () => {
    if (store === undefined) return;
    try {
      const parents = await store.listRuns({ parentRunId: null });
      const before = current.current;
      const byId = new Map(parents.map((r) => [r.id, r]));
      const children = new Map<string, readonly Run[]>();
      // Top down, so a child's fresh row is known before its own children are considered.
      let pending = [...wanted.current];
      for (let progress = true; progress && pending.length > 0;) {
        progress = false;
        const later: string[] = [];
        for (const id of pending) {
          const run = byId.get(id);
          if (run === undefined) {
            later.push(id);
            continue;
          }
          progress = true;
          const old = before.byId.get(id);
          const kept = before.children.get(id);
          const list =
            kept !== undefined && old !== undefined && signature(old) === signature(run)
              ? kept
              : await store.listRuns({ parentRunId: id });
          children.set(id, list);
          for (const child of list) byId.set(child.id, child);
        }
        pending = later;
      }
      publish({ parents, children, byId });
      if (alive.current) setError(undefined);
    } catch (e) {
      if (alive.current) setError(message(e));
    }
  }, [store, publish]);

  const readRef = useRef(read);
  useEffect(() => {
    readRef.current = read;
  }, [read]);
  const task = useRef<ThrottledTask | undefined>(undefined);
  useEffect(() => {
    alive.current = true;
    const t = throttledTask(() => readRef.current(), MIN_GAP_MS);
    task.current = t;
    return () => {
      alive.current = false;
      t.dispose();
      task.current = undefined;
    };
  }, []);

  // The first read at once; after a change, again (throttled).
  useEffect(() => {
    if (store !== undefined) task.current?.request();
  }, [store, version, read]);

  const reading = useRef(new Set<string>());
  const want = useCallback(
    (run: Run) => {
      wanted.current.add(run.id);
      if (store === undefined || current.current.children.has(run.id) || reading.current.has(run.id)) return;
      reading.current.add(run.id);
      void store
        .listRuns({ parentRunId: run.id })
        .then(
          (list) => {
            if (!wanted.current.has(run.id)) return;
            const now = current.current;
            const byId = new Map(now.byId);
            for (const child of list) byId.set(child.id, child);
            publish({ ...now, children: new Map(now.children).set(run.id, list), byId });
          },
          (e: unknown) => alive.current && setError(message(e)),
        )
        .finally(() => reading.current.delete(run.id));
    },
    [store, publish],
  );

  const unwant = useCallback(
    (id: string) => {
      if (!wanted.current.delete(id)) return;
      const now = current.current;
      const children = new Map(now.children);
      children.delete(id);
      publish({ ...now, children });
    },
    [publish],
  );

  return { ...loaded, error, want, unwant };
}
