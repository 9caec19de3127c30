import { loadavg } from 'node:os';
import { traceMainThread } from '../bench/mainThreadTrace';
import { test, expect } from './fixtures';
import { configure, openApp, runToEnd } from './runtimeHelpers';

const TRIALS = 10_000;

/**
 * Generous bounds on the page's longest main-thread task from Run to after the end. Before the fix
 * the charts' redraws (recharts' Scatter, synchronous renders) and the trial writes (10,000
 * IndexedDB adds queued at once) made tasks of 300-650 ms wall and about 300 ms of thread (CPU)
 * time; now they take about 50 ms of CPU. Thread time, from a Chrome trace, is what the page
 * itself spent; wall time (PerformanceObserver 'longtask') also counts the time the thread waited
 * for a core, so its bound is relaxed when the machine is busy with other work.
 */
const LONGEST_TASK_CPU_MS = 150;
const LONGEST_TASK_MS = loadavg()[0]! > 4 ? 1000 : 250;

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[];
  }
}

test('10,000 fast trials through the UI: progress, a virtualised table and charts, no long freeze', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openApp(page);
  await configure(page, 'export default (p) => (p.x - 3) ** 2;', {
    language: 'JavaScript',
    algo: 'rand',
    maxEvals: TRIALS,
    parallelism: 2,
    perTrial: '',
  });
  await page.evaluate(() => {
    const tasks: { start: number; duration: number }[] = [];
    window.__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: Math.round(e.startTime), duration: e.duration });
    }).observe({ type: 'longtask' });
  });

  const stopTrace = await traceMainThread(page);
  await runToEnd(page, 30_000);
  const bar = page.getByRole('progressbar', { name: 'Trials done' });
  await expect(bar).toHaveAttribute('aria-valuenow', String(TRIALS));
  await expect(bar).toHaveAttribute('aria-valuemax', String(TRIALS));
  await expect(page.getByRole('status', { name: 'Run progress' })).toContainText(
    `${TRIALS} of ${TRIALS} done`,
  );

  // Charts: the loss chart draws every trial's point (downsampled), and both parameter plots show.
  const loss = page.getByRole('figure', { name: 'Loss per trial, with the best so far' });
  await expect(loss.getByRole('listitem')).toHaveText(['loss', 'best so far']);
  await expect(page.getByRole('figure', { name: 'x against loss' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'x against trial number' })).toBeVisible();
  const drawn = await loss.locator('path.mark-circle').first().getAttribute('d');
  expect(drawn?.match(/M/g)?.length ?? 0).toBeGreaterThan(300);

  // The table lists every trial but keeps only the visible ones in the DOM.
  const table = page.getByRole('region', { name: 'Trials table' });
  await expect(table.getByRole('table')).toContainText(`Trials (${TRIALS})`);
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(table.getByRole('rowheader', { name: String(TRIALS - 1), exact: true })).toBeVisible();
  expect(await table.getByRole('row').count()).toBeLessThan(60);

  // The page stayed responsive: after the last redraws, no task blocked it for long.
  await page.waitForTimeout(1500);
  const traced = await stopTrace();
  const tasks = await page.evaluate(() => window.__longTasks ?? []);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  expect(traced.longestCpuMs, 'longest main-thread task, thread time (ms)').toBeLessThan(LONGEST_TASK_CPU_MS);
  expect(longest, `long tasks (load average ${loadavg()[0]}): ${JSON.stringify(tasks)}`).toBeLessThan(
    LONGEST_TASK_MS,
  );
});
