import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { configure, openApp, runToEnd, showView } from './runtimeHelpers';
import { cell, completedTrials, runRows } from './historyHelpers';

const SLOW = `export default async function objective(params) {
  await new Promise((resolve) => setTimeout(resolve, 150));
  return params.x ** 2;
}`;
const FAST = 'export default (params) => params.x ** 2;';

/** The history's rows for fmin runs, newest first. */
const runItems = (page: Page) => runRows(page, 1);
const completed = completedTrials;

test('every trial shown as done survives a reload mid-run, and the run is then KILLED (interrupted)', async ({
  page,
}) => {
  await openApp(page);
  await configure(page, SLOW, { maxEvals: 300, parallelism: 2, language: 'JavaScript', algo: 'rand' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = page.getByRole('status', { name: 'Run progress' });
  await expect(progress).toContainText(/^(\d{2,}) of 300 done/, { timeout: 20_000 });
  // What the Results region shows as done is what the store has committed (TrackedRuntime gates it).
  const shown = Number(/^(\d+) of 300 done/.exec(await progress.innerText())![1]);
  await page.reload();
  await openApp(page);
  await showView(page, 'History');
  const run = runItems(page).first();
  await expect(cell(run, 'Status')).toHaveText(/^KILLED \(interrupted\)/);
  expect(await completed(run)).toBeGreaterThanOrEqual(shown);
});

test('two tabs running at once keep both runs whole', async ({ page, context }) => {
  const other = await context.newPage();
  await openApp(page);
  await openApp(other);
  for (const tab of [page, other])
    await configure(tab, FAST, { maxEvals: 60, parallelism: 2, language: 'JavaScript', algo: 'rand' });
  await Promise.all(
    [page, other].map((tab) => tab.getByRole('button', { name: 'Run', exact: true }).click()),
  );
  await Promise.all(
    [page, other].map((tab) => expect(tab.getByLabel('Run summary')).toBeVisible({ timeout: 30_000 })),
  );
  await page.reload();
  await openApp(page);
  await showView(page, 'History');
  await expect(runItems(page)).toHaveCount(2);
  for (const item of await runItems(page).all()) {
    await expect(item).toContainText('FINISHED');
    expect(await completed(item)).toBe(60);
  }
  await other.close();
});

/** Logs 150,000 random characters per trial: incompressible, so the disk quota fills quickly. */
const NOISY = `const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export default function objective(params, run) {
  let noise = '';
  for (let i = 0; i < 150000; i++) noise += chars[Math.floor(Math.random() * 64)];
  run.logArtifact('noise.txt', noise);
  return params.x ** 2;
}`;

test('storage full: a clear message, the run stops, earlier runs stay whole, export is offered', async ({
  page,
}) => {
  // Chromium reads an origin's quota when it first opens its storage, so the override (4 MB) comes
  // before the app loads; the run's artifacts then fill it.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(test.info().project.use.baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 4_000_000 });
  await openApp(page);
  await configure(page, FAST, { maxEvals: 5, parallelism: 1, language: 'JavaScript', algo: 'rand' });
  await runToEnd(page);
  await showView(page, 'History');
  await expect(cell(runItems(page).first(), 'Trials')).toHaveText('5');

  await showView(page, 'Playground');
  await configure(page, NOISY, { maxEvals: 300, parallelism: 2 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const alert = page.getByRole('alert', { name: 'Run history problem' });
  await expect(alert).toContainText('The browser storage for this site is full, so the run was stopped.', {
    timeout: 30_000,
  });
  await expect(alert).toContainText('Export the runs you want to keep, delete old runs');
  await expect(alert.getByRole('button', { name: 'Export everything' })).toBeVisible();
  // The run stopped cleanly: it ended, short of its 300 trials.
  await expect(page.getByLabel('Run summary')).toBeVisible({ timeout: 20_000 });
  expect(await page.getByRole('status', { name: 'Run progress' }).innerText()).not.toMatch(/^300 of 300/);

  // What was stored before is whole, after a reload too; deletion is offered to free space.
  await page.reload();
  await openApp(page);
  await showView(page, 'History');
  const first = runItems(page).last();
  await expect(first).toContainText('FINISHED');
  await expect(cell(first, 'Trials')).toHaveText('5');
  await expect(first.getByRole('button', { name: 'Delete' })).toBeEnabled();
  await expect(runItems(page)).toHaveCount(2);
});

test('a run exported as JSON imports back as a new run, never over the original', async ({ page }) => {
  await openApp(page);
  await configure(page, FAST, { maxEvals: 4, parallelism: 1, language: 'JavaScript', algo: 'rand' });
  await runToEnd(page);
  await showView(page, 'History');
  const original = runItems(page).first();
  await expect(cell(original, 'Trials')).toHaveText('4');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    original.getByRole('button', { name: /as JSON$/ }).click(),
  ]);
  const path = await download.path();
  await page.getByLabel('Import a saved history file (JSON)').setInputFiles(path);
  await expect(page.getByRole('status', { name: 'Import result' })).toHaveText(
    'Imported 5 runs; 5 already existed here and were imported as new runs (nothing was overwritten).',
  );
  await expect(runItems(page)).toHaveCount(2);
  for (const item of await runItems(page).all()) {
    await expect(cell(item, 'Status')).toHaveText('FINISHED');
    await expect(cell(item, 'Trials')).toHaveText('4');
  }
});
