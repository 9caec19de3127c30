import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { IdbRunStore, Liveness, StorageFullError } from '../../tracking';
import type { Experiment } from '../../tracking';
import { RuntimeContext, useRuntime } from '../runtime/runtimeContext';
import { openRunsChannel, type RunsChannel } from './runsChannel';
import { TrackedRuntime } from './trackedRuntime';
import { TrackingContext, type TrackingValue } from './trackingContext';

/** MLflow's default experiment name. */
const EXPERIMENT = 'Default';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Opens the run history once for the app, ends runs whose tab died (KILLED, "interrupted"), and
 * records every run: children see the runtime wrapped by TrackedRuntime (same interface) and the
 * history through TrackingContext. Must sit inside RuntimeProvider.
 */
export function TrackingProvider({ children }: { children: ReactNode }) {
  const runtime = useRuntime();
  const [opened, setOpened] = useState<{ store: IdbRunStore; experiment: Experiment; liveness: Liveness }>();
  const [problem, setProblem] = useState<TrackingValue['problem']>(undefined);
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  // Other tabs of the app hear of every change here (runs stored, deleted, imported), and this tab
  // of theirs: a run started in another tab shows in History as it goes.
  const channel = useRef<RunsChannel | undefined>(undefined);
  useEffect(() => {
    const runsChannel = openRunsChannel(bump);
    channel.current = runsChannel;
    return () => {
      runsChannel.close();
      channel.current = undefined;
    };
  }, [bump]);
  const changed = useCallback(() => {
    bump();
    channel.current?.notify();
  }, [bump]);

  useEffect(() => {
    let store: IdbRunStore | undefined;
    let cancelled = false;
    void (async () => {
      try {
        store = await IdbRunStore.open({
          onVersionChange: () =>
            setProblem({
              kind: 'reload',
              message:
                'A newer version of Hyperopt Playground opened the run history in another tab: reload this tab to keep recording runs.',
            }),
          onBlocked: () =>
            setProblem({
              kind: 'reload',
              message:
                'Another tab of Hyperopt Playground keeps an older run history open: close or reload it.',
            }),
        });
        if (cancelled) return store.close();
        const liveness = new Liveness(store);
        // A full disk must not hide the history: reading works, and the user needs it to export
        // and delete. The dead runs stay RUNNING until a later load can end them.
        const reaped = await liveness.reap().then(
          () => undefined,
          (error: unknown) => error,
        );
        const experiment = await store.getOrCreateExperiment(EXPERIMENT);
        if (cancelled) return store.close();
        setProblem(
          reaped instanceof StorageFullError ? { kind: 'storageFull', message: reaped.message } : undefined,
        );
        if (reaped !== undefined && !(reaped instanceof StorageFullError)) throw reaped;
        setOpened({ store, experiment, liveness });
      } catch (error) {
        if (!cancelled)
          setProblem({ kind: 'unavailable', message: `The run history is unavailable: ${message(error)}` });
      }
    })();
    return () => {
      cancelled = true;
      store?.close();
    };
  }, []);

  const tracked = useMemo(() => {
    if (opened === undefined) return runtime;
    return new TrackedRuntime(runtime, {
      store: opened.store,
      experimentId: opened.experiment.id,
      liveness: opened.liveness,
      onError: (error) =>
        setProblem({
          kind: error instanceof StorageFullError ? 'storageFull' : 'reload',
          message: error.message,
        }),
      onStored: changed,
    });
  }, [opened, runtime, changed]);

  // Recording starts in an effect: StrictMode may build the wrapper twice, and only the one React
  // keeps may follow the runtime (two would record every run twice).
  useEffect(() => (tracked instanceof TrackedRuntime ? tracked.start() : undefined), [tracked]);

  const value = useMemo<TrackingValue>(
    () => ({ store: opened?.store, experiment: opened?.experiment, problem, version, changed }),
    [opened, problem, version, changed],
  );
  return (
    <RuntimeContext.Provider value={tracked}>
      <TrackingContext.Provider value={value}>{children}</TrackingContext.Provider>
    </RuntimeContext.Provider>
  );
}
