// The page's main-thread tasks from a Chrome trace: each task's wall time and its thread (CPU)
// time. On a loaded machine a long task's wall time includes the time the thread waited for a
// core; its thread time is what the page itself spent, the figure a quiet machine would show.
import type { Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface MainThreadTasks {
  /** Longest task, wall time (ms). */
  longestMs: number;
  /** Longest task by thread time (ms). */
  longestCpuMs: number;
  /** Tasks of more than 50 ms thread time. */
  longCpu: number;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Starts tracing `page`; the returned function stops it and sums up the renderer's main thread. */
export async function traceMainThread(page: Page): Promise<() => Promise<MainThreadTasks>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    const mains = new Set(
      events
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    // The app's renderer is the busiest main thread (the sandbox iframe may have its own).
    const byThread = new Map<string, TraceEvent[]>();
    for (const e of events) {
      const key = `${e.pid}:${e.tid}`;
      if (e.ph !== 'X' || !TASK_NAMES.has(e.name) || !mains.has(key)) continue;
      byThread.set(key, [...(byThread.get(key) ?? []), e]);
    }
    const total = (tasks: TraceEvent[]) => tasks.reduce((sum, t) => sum + (t.dur ?? 0), 0);
    const tasks = [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
    const ms = (us: number | undefined) => (us ?? 0) / 1000;
    return {
      longestMs: Math.max(0, ...tasks.map((t) => ms(t.dur))),
      longestCpuMs: Math.max(0, ...tasks.map((t) => ms(t.tdur))),
      longCpu: tasks.filter((t) => ms(t.tdur) > 50).length,
    };
  };
}
