/**
 * An async task run on request, never twice at once and not too often: a request during a run
 * makes one more run after it; runs start at least `minGapMs` apart, and at least three times as
 * long apart as the last one took, so a slow read (a large history) backs off by itself.
 */
export interface ThrottledTask {
  request(): void;
  dispose(): void;
}

export function throttledTask(task: () => Promise<void>, minGapMs: number): ThrottledTask {
  let running = false;
  let again = false;
  let disposed = false;
  let lastStart = -Infinity;
  let lastMs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const start = () => {
    timer = undefined;
    if (disposed) return;
    running = true;
    const t0 = performance.now();
    lastStart = t0;
    void task()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        lastMs = performance.now() - t0;
        if (again) {
          again = false;
          request();
        }
      });
  };

  function request(): void {
    if (disposed) return;
    if (running) {
      again = true;
      return;
    }
    if (timer !== undefined) return;
    const wait = lastStart + Math.max(minGapMs, 3 * lastMs) - performance.now();
    if (wait <= 0) start();
    else timer = setTimeout(start, wait);
  }

  return {
    request,
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
