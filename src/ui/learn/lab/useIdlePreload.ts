import { useEffect } from 'react';

/**
 * Starts `load` (a lazy chunk's import) once the page is idle after mount, so that its download
 * and evaluation (recharts is large) do not land in the same task as the first chart render.
 */
export function useIdlePreload(load: () => Promise<unknown>): void {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 1000));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => void load());
    return () => cancel(handle);
  }, [load]);
}
