import { test, expect } from './fixtures';
import {
  clickTimed,
  type OpenTiming,
  historyChunkLoaded,
  loadHistoryTimed,
  openHistoryTimed,
  seedHistory,
} from './historyPerf';
import { runRows, search } from './historyHelpers';
import { openApp } from './runtimeHelpers';

const PARENTS = 200;
const CHILDREN = 500;

test('200 parents with 100,000 children: History renders in under 500 ms and stays interactive', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const seeded = await seedHistory(page, PARENTS, CHILDREN);
  // Straight to ?view=history: a page load, the store opened, the History chunk fetched.
  const loadMs = await loadHistoryTimed(page);
  // From the playground, as a user opens it once the page has settled: the median of three, as
  // other work on a shared machine can stall any one of them.
  const opens: OpenTiming[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto('/');
    await openApp(page);
    await historyChunkLoaded(page);
    opens.push(await openHistoryTimed(page));
  }
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
  const open = { domMs: middle(opens.map((o) => o.domMs)), paintedMs: middle(opens.map((o) => o.paintedMs)) };
  const parents = runRows(page);
  await expect(parents.first()).toBeVisible();
  await expect(parents.first()).toHaveAttribute('aria-setsize', String(PARENTS));

  // Expanding the newest run reads its 500 children through the parent index.
  const newest = (await parents.first().getByRole('link').first().innerText()).trim();
  const expandMs = await clickTimed(
    page,
    `Expand ${newest}`,
    `[role="treegrid"] tr[aria-level="2"][aria-setsize="${CHILDREN}"]`,
  );
  await expect(runRows(page, 2).first()).toBeVisible();

  // A filter over every child: the first matches show while the search goes on.
  const t0 = Date.now();
  await search(page, 'metrics.loss < 0.0001');
  const status = page.getByRole('status', { name: 'Search status' });
  // The list stays usable while the children are read, and says so.
  await expect(status).toContainText('Searching…');
  await expect(runRows(page, 2).first()).toBeVisible({ timeout: 30_000 });
  const firstMatchMs = Date.now() - t0;
  await expect(status).toHaveText(/runs? match, under/, { timeout: 60_000 });
  const searchMs = Date.now() - t0;

  const figures = {
    seedSeconds: Math.round(seeded.ms / 100) / 10,
    loadToFirstRowMs: Math.round(loadMs),
    openDomMs: Math.round(open.domMs),
    openPaintedMs: Math.round(open.paintedMs),
    openPaintedEachMs: opens.map((o) => Math.round(o.paintedMs)),
    expandMs: Math.round(expandMs),
    filterFirstMatchMs: firstMatchMs,
    filterAllMs: searchMs,
  };
  console.log(`history performance: ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: 'history performance', description: JSON.stringify(figures) });
  expect(open.paintedMs).toBeLessThan(500);
  expect(expandMs).toBeLessThan(500);
});
