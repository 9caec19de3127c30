import { createContext, useContext } from 'react';
import type { DriverHello } from '../../runtime/protocol';

export type DriverStatus =
  | { state: 'starting' }
  | { state: 'ready'; hello: DriverHello; roundTripMillis: number }
  | { state: 'failed'; message: string };

export const DriverContext = createContext<DriverStatus>({ state: 'starting' });

/** The driver worker's status, as the header and settings show it. */
export function useDriverStatus(): DriverStatus {
  return useContext(DriverContext);
}
