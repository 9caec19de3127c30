import { useCallback, useEffect, useRef, useState } from 'react';
import type { Run } from '../../../tracking';
import { useTracking } from '../../tracking/trackingContext';

export type RunData =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'error'; message: string }
  | {
      state: 'ready';
      run: Run;
      /** The parent of a child run (undefined when it is gone or the run is top-level). */
      parent: Run | undefined;
      /** The run's children (empty for a run without any), undefined while they are read. */
      children: readonly Run[] | undefined;
      /** Children not in `children` yet: a long list shows its first ones while the rest are read. */
      childrenToCome: number;
      /** When this was read (epoch ms): "now" for a running run's charts. */
      readAt: number;
    };

/** Store changes come in bursts (every committed trial while a run goes): re-read at most this often. */
const THROTTLE_MS = 1_000;

const NO_RUNS: readonly Run[] = [];

/**
 * A parent with more children than this shows this many first (one quick read) while all are read:
 * reading 10,000 takes 200 ms or more (IndexedDB hands them over whole), 500 about 10 ms.
 */
export const FIRST_CHILDREN = 500;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Children are re-listed only when the parent's child summary moved (every child write updates
 * it), not on each of the store's changes elsewhere.
 */
const childKey = (run: Run) => JSON.stringify(run.children);

/**
 * A run with its parent and children, re-read (throttled) whenever the store changes, so a
 * RUNNING run's page moves with it. `reload` re-reads at once (after this page wrote something).
 */
export function useRunData(id: string | undefined): { data: RunData; reload: () => void } {
  const { store, version } = useTracking();
  // Kept with the id it is for: another run's page never shows the last run's content.
  const [read, setRead] = useState<{ id: string | undefined; data: RunData }>({
    id: undefined,
    data: { state: 'loading' },
  });
  const [tick, setTick] = useState(0);
  const lastRead = useRef(0);
  const listCost = useRef(0);
  const kept = useRef<{ id: string; key: string; children: readonly Run[]; json: string }>(undefined);

  // The first read (on mount) needs no second one for the version it started at.
  const seen = useRef(version);
  useEffect(() => {
    if (version === seen.current) return;
    seen.current = version;
    // Never more than a quarter of the time in re-reading children (10,000 take ~200 ms, more on
    // a loaded machine).
    const interval = Math.max(THROTTLE_MS, 4 * listCost.current);
    const wait = Math.max(0, lastRead.current + interval - Date.now());
    const timer = setTimeout(() => setTick((t) => t + 1), wait);
    return () => clearTimeout(timer);
  }, [version]);

  useEffect(() => {
    if (id === undefined || store === undefined) return;
    let current = true;
    const setData = (data: RunData) => {
      if (!current) return;
      if (data.state !== 'ready') kept.current = undefined;
      setRead({ id, data });
    };
    lastRead.current = Date.now();
    void (async () => {
      const run = await store.getRun(id);
      if (run === undefined) {
        setData({ state: 'missing' });
        return;
      }
      const parent = run.parentRunId === null ? undefined : await store.getRun(run.parentRunId);
      if (!current) return;
      const key = childKey(run);
      const json = JSON.stringify([run, parent ?? null]);
      const previous = kept.current?.id === id ? kept.current : undefined;
      const reuse = previous !== undefined && previous.key === key;
      // Nothing moved (a change elsewhere in the store): keep the objects, so nothing re-renders.
      if (reuse && previous.json === json && run.status !== 'RUNNING') return;
      if (reuse || run.children.total === 0) {
        const children = reuse ? previous.children : NO_RUNS;
        kept.current = { id, key, children, json };
        setData({ state: 'ready', run, parent, children, childrenToCome: 0, readAt: Date.now() });
        return;
      }
      // The run shows at once (with the children it had, if any); its children follow, a long list's
      // first ones quickly on a first visit.
      let shown = previous?.children;
      setData({ state: 'ready', run, parent, children: shown, childrenToCome: 0, readAt: Date.now() });
      if (shown === undefined && run.children.total > FIRST_CHILDREN) {
        shown = await store.listRuns({ parentRunId: id, limit: FIRST_CHILDREN });
        if (!current) return;
        const toCome = Math.max(1, run.children.total - shown.length);
        setData({ state: 'ready', run, parent, children: shown, childrenToCome: toCome, readAt: Date.now() });
      }
      const started = Date.now();
      const children = await store.listRuns({ parentRunId: id });
      listCost.current = Date.now() - started;
      if (!current) return;
      kept.current = { id, key, children, json };
      setData({ state: 'ready', run, parent, children, childrenToCome: 0, readAt: Date.now() });
    })().catch((error: unknown) => setData({ state: 'error', message: message(error) }));
    return () => {
      current = false;
    };
  }, [store, id, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const data: RunData =
    id === undefined ? { state: 'missing' } : read.id === id ? read.data : { state: 'loading' };
  return { data, reload };
}
