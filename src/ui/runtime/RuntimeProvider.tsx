import { useEffect, useState, type ReactNode } from 'react';
import { createBrowserRuntime } from '../../runtime/browserRuntime';
import type { Runtime } from '../../runtime/runtime';
import { RuntimeContext } from './runtimeContext';

/** Starts the runtime once for the app (driver worker and sandbox) and shares it through context. */
export function RuntimeProvider({
  children,
  create = createBrowserRuntime,
}: {
  children: ReactNode;
  create?: () => Runtime;
}) {
  const [runtime, setRuntime] = useState<Runtime | undefined>(undefined);

  useEffect(() => {
    const created = create();
    setRuntime(created);
    return () => created.dispose();
  }, [create]);

  if (runtime === undefined) return null;
  return <RuntimeContext.Provider value={runtime}>{children}</RuntimeContext.Provider>;
}
