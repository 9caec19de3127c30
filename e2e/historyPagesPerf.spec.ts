import { loadavg } from 'node:os';
import { traceMainThread } from '../bench/mainThreadTrace';
import { test, expect } from './fixtures';
import { COMPARE_MARKS, RUN_PAGE_MARKS, compareUrl, navigateTimed, runPageUrl } from './historyPagesTiming';
import { seedHistory, seededParentId } from './historyPerf';
import { openApp } from './runtimeHelpers';

const PARENTS = 3;
const CHILDREN = 10_000;

/**
 * Generous bounds. The run page's first trials show within about 100-300 ms (before: after every
 * child was read, 0.3-1.6 s); the bound is for a broken page, the ordering below for a regression.
 */
const TABLE_MS = 4_000;
/**
 * The compare view's longest main-thread task in thread (CPU) time, which load does not inflate:
 * before, the reads (200 ms or more each), the importance and the trials' charts made tasks of about
 * 580 ms of CPU for 3 × 10,000 trials; now the longest is the first render, about 85 ms (children
 * read in batches, importance sliced, lines drawn a frame's worth at a time).
 */
const LONGEST_TASK_CPU_MS = 200;

test('a parent with 10,000 trials: its run page shows the first trials before all are read; comparing three such runs never blocks the page long', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await seedHistory(page, PARENTS, CHILDREN, 4);
  await openApp(page);
  const ids = Array.from({ length: PARENTS }, (_, i) => seededParentId(i));

  // Run page: the first child runs' rows come before the table lists all 10,000.
  const run = await navigateTimed(page, runPageUrl(ids[0]!), {
    ...RUN_PAGE_MARKS,
    all: `table.trials[aria-rowcount="${CHILDREN + 1}"]`,
  });
  const timings = `run page (load average ${loadavg()[0]}): ${JSON.stringify(run)}`;
  expect(run.table, timings).toBeLessThan(run.all);
  expect(run.table, timings).toBeLessThan(TABLE_MS);
  await expect(page.getByRole('heading', { level: 2, name: 'fmin 00000000' })).toBeVisible();
  const table = page.getByRole('region', { name: 'Trials table' });
  await expect(table.getByRole('table')).toContainText(`Trials (${CHILDREN})`);
  await expect(page.getByRole('status', { name: 'Reading trials' })).toHaveCount(0);

  // Compare view: importance is computed after the view shows ("Computing…" first), and no task
  // of the page takes long.
  const stop = await traceMainThread(page);
  const compare = await navigateTimed(page, compareUrl(ids), {
    ...COMPARE_MARKS,
    computing: '[role="status"][aria-label="Parameter importance"]',
  });
  await page.waitForTimeout(1000);
  const tasks = await stop();
  const compareTimings = `compare view (load average ${loadavg()[0]}): ${JSON.stringify(compare)}, tasks ${JSON.stringify(tasks)}`;
  expect(compare.computing, compareTimings).toBeLessThan(compare.importance);
  const importance = page.getByRole('table', { name: 'Parameter importance' });
  await expect(importance.getByRole('row').nth(1).getByRole('rowheader')).toHaveText('x');
  await expect(page.getByRole('status', { name: 'Selected trials' })).toHaveText(
    `${PARENTS * CHILDREN} of ${PARENTS * CHILDREN} trials selected`,
  );
  expect(tasks.longestCpuMs, compareTimings).toBeLessThan(LONGEST_TASK_CPU_MS);
});
