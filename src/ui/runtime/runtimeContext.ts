import { createContext, useContext, useSyncExternalStore } from 'react';
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
