import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { freshPage } from './freshPage';
import { cell, COLUMNS, runRows } from './historyHelpers';
import { configure, openApp, runToEnd, showView } from './runtimeHelpers';

const OBJECTIVE = `export default function objective(params, run) {
  run.logMetric('half', params.x / 2);
  run.setTag('kind', 'quadratic');
  return params.x ** 2;
}`;

/** The columns that show a run (not the selection checkbox, nor the actions). */
const SHOWN = COLUMNS.filter((c) => c !== 'Selected' && c !== 'Actions');

/** What a user reads of the History list and a run's page: everything an identical run shows. */
async function describeRuns(page: Page) {
  await showView(page, 'History');
  const rows = runRows(page);
  await expect(rows).toHaveCount(2);
  const seen = [];
  for (const row of await rows.all()) {
    seen.push(await Promise.all(SHOWN.map((c) => cell(row, c).innerText())));
  }
  // The newest run's page: params, metrics and tags tables as shown.
  await cell(rows.first(), 'Name').getByRole('link').first().click();
  const main = page.getByRole('main', { name: 'Run' });
  await expect(main.getByRole('table', { name: 'Params' })).toBeVisible();
  const tables = await Promise.all(
    ['Params', 'Metrics'].map((name) => main.getByRole('table', { name }).innerText()),
  );
  return { rows: seen, tables };
}

test('runs exported from History import into a fresh browser as identical runs', async ({
  page,
  browser,
}) => {
  await openApp(page);
  for (const algo of ['rand', 'tpe']) {
    await configure(page, OBJECTIVE, { maxEvals: 6, parallelism: 1, language: 'JavaScript', algo });
    await runToEnd(page);
  }
  const before = await describeRuns(page);
  expect(before.rows[0]).toContain('FINISHED');

  await showView(page, 'History');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all (JSON)' }).click(),
  ]);
  const file = await download.path();

  // A fresh context: its own, empty IndexedDB, as another browser would have.
  const { context: fresh, page: other, errors } = await freshPage(browser);
  await openApp(other);
  await showView(other, 'History');
  await expect(other.getByText('No runs recorded yet')).toBeVisible();
  await other.getByLabel('Import a saved history file (JSON)').setInputFiles(file);
  await expect(other.getByRole('status', { name: 'Import result' })).toHaveText('Imported 14 runs.');

  expect(await describeRuns(other)).toEqual(before);
  expect(errors).toEqual([]);
  await fresh.close();
});
