import { createContext, useContext } from 'react';
import type { Experiment, RunStore } from '../../tracking';

/** What the run history needs: the store (once open), why recording is off, and a change counter. */
export interface TrackingValue {
  /** Undefined until the store is open, or when it could not be opened. */
  store: RunStore | undefined;
  experiment: Experiment | undefined;
  /** A sentence for the user when recording stopped or the history is unavailable. */
  problem: { kind: 'storageFull' | 'reload' | 'unavailable'; message: string } | undefined;
  /** Increases whenever something was stored: lists re-read. */
  version: number;
  /** Call after changing the store from the UI (delete, import). */
  changed: () => void;
}

export const TrackingContext = createContext<TrackingValue | undefined>(undefined);

/** The run history; components read it, never open the store themselves. */
export function useTracking(): TrackingValue {
  const value = useContext(TrackingContext);
  if (value === undefined) throw new Error('useTracking must be used inside <TrackingProvider>.');
  return value;
}
