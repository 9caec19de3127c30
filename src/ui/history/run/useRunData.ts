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
      /** The run's children (empty for a run without any). */
      children: readonly Run[];
      /** When this was read (epoch ms): "now" for a running run's charts. */
      readAt: number;
    };

/**
 * Store changes come in bursts (every committed trial while a run goes): re-read at most this
 * often. Listing 10,000 children takes ~200 ms, so this keeps a live page well under one core.
 */
const THROTTLE_MS = 1_000;

const NO_RUNS: readonly Run[] = [];

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
  const kept = useRef<{ id: string; key: string; children: readonly Run[]; json: string }>(undefined);

  useEffect(() => {
    const wait = Math.max(0, lastRead.current + THROTTLE_MS - Date.now());
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
      const key = childKey(run);
      let children: readonly Run[] = NO_RUNS;
      const previous = kept.current;
      if (previous?.id === id && previous.key === key) {
        children = previous.children;
      } else if (run.children.total > 0) {
        children = await store.listRuns({ parentRunId: id });
      }
      if (!current) return;
      const before = kept.current;
      const same =
        before !== undefined &&
        before.children === children &&
        before.json === JSON.stringify([run, parent ?? null]);
      // Nothing moved (a change elsewhere in the store): keep the objects, so nothing re-renders.
      if (same && run.status !== 'RUNNING') return;
      kept.current = { id, key, children, json: JSON.stringify([run, parent ?? null]) };
      setData({ state: 'ready', run, parent, children, readAt: Date.now() });
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
