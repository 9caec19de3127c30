import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Mounts `children` `delayMs` after this mounts (an empty box of `height` px until then): each
 * recharts chart's first mount is a synchronous render of tens of milliseconds, so the charts of
 * a run mount one per task, not all in one long task.
 */
export function Deferred({
  delayMs,
  height,
  children,
}: {
  delayMs: number;
  height: number;
  children: ReactNode;
}) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setReady(true)), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  return ready ? children : <div style={{ minHeight: height }} aria-hidden="true" />;
}
