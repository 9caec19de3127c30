import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Runtime, RuntimeState } from '../../runtime/runtime';

/** The app's runtime (driver worker + sandbox), provided once by RuntimeProvider. */
export const RuntimeContext = createContext<Runtime | undefined>(undefined);

/** The runtime; components call its methods (startRun, stopRun), never construct it. */
export function useRuntime(): Runtime {
  const runtime = useContext(RuntimeContext);
  if (runtime === undefined) throw new Error('useRuntime must be used inside <RuntimeProvider>.');
  return runtime;
}

/** The runtime's state, re-rendering on every change (one change per delivered event batch). */
export function useRuntimeState(): RuntimeState {
  const runtime = useRuntime();
  return useSyncExternalStore(runtime.subscribe, runtime.getState);
}

/**
 * One value derived from the runtime's state, re-rendering only when it changes (compared with
 * Object.is), so that components which do not show progress skip the many run updates.
 * `select` must return a primitive or a value stored in the state.
 */
export function useRuntimeSelector<T>(select: (state: RuntimeState) => T): T {
  const runtime = useRuntime();
  const getSnapshot = useCallback(() => select(runtime.getState()), [runtime, select]);
  return useSyncExternalStore(runtime.subscribe, getSnapshot);
}
