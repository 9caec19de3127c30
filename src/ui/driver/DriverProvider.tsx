import { useEffect, useState, type ReactNode } from 'react';
import { startDriver } from '../../runtime/driverClient';
import { DriverContext, type DriverStatus } from './driverContext';

/** Starts the driver worker once for the app and shares its status through context. */
export function DriverProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<DriverStatus>({ state: 'starting' });

  useEffect(() => {
    const driver = startDriver();
    let live = true;
    const started = performance.now();
    driver.hello().then(
      (hello) => {
        if (live) setStatus({ state: 'ready', hello, roundTripMillis: performance.now() - started });
      },
      (error: unknown) => {
        if (live)
          setStatus({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
      driver.close();
    };
  }, []);

  return <DriverContext.Provider value={status}>{children}</DriverContext.Provider>;
}
