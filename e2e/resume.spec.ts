import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { cell, completedTrials, runRows } from './historyHelpers';
import { configure, editor, openApp, runToEnd, setEditor, showView, summaryCounts } from './runtimeHelpers';

const SLOW = `export default async function objective(params) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  return params.x ** 2;
}`;
const FAST = 'export default (params) => (params.x - 1) ** 2;';

/** Opens a History row's run page through its name link, as a user does. */
async function openRunPage(page: Page, row: Locator): Promise<void> {
  await row.getByRole('rowheader').getByRole('link').first().click();
  await expect(page.getByRole('main', { name: 'Run' })).toBeVisible();
}

const progressDone = async (page: Page): Promise<number> =>
  Number(await page.getByRole('progressbar', { name: 'Trials done' }).getAttribute('aria-valuenow'));

test('a killed run resumes to a larger max evals: the trial count goes on in the same parent', async ({
  page,
}) => {
  await openApp(page);
  await configure(page, SLOW, { maxEvals: 40, parallelism: 2, language: 'JavaScript', algo: 'tpe' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = page.getByRole('status', { name: 'Run progress' });
  await expect(progress).toContainText(/^([4-9]|\d{2,}) of 40 done/, { timeout: 20_000 });
  // The tab dies mid-run: the run is KILLED (interrupted) on the next load.
  await page.reload();
  await openApp(page);
  await showView(page, 'History');
  const row = runRows(page).first();
  await expect(cell(row, 'Status')).toHaveText(/^KILLED \(interrupted\)/);
  const done = await completedTrials(row);
  expect(done).toBeGreaterThanOrEqual(4);

  await openRunPage(page, row);
  const actions = page.getByRole('toolbar', { name: 'Run actions' });
  await actions.getByRole('button', { name: 'Resume…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resume run' });
  const maxEvals = dialog.getByLabel('New max evals');
  // Not more than it has: refused with a sentence, nothing starts.
  await maxEvals.fill(String(done));
  await dialog.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(new RegExp(`larger than ${done} \\(the trials`));
  const target = done + 8;
  await maxEvals.fill(String(target));
  await dialog.getByRole('button', { name: 'Resume', exact: true }).click();

  // The playground follows the run; its progress counts on from the trials the run had.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Playground', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(progress).toContainText(` of ${target} done`);
  // While the driver takes the request the count may read 0; once the run starts it counts on from
  // the trials the run had, before the new ones are done.
  await expect.poll(() => progressDone(page)).toBeGreaterThanOrEqual(done);
  expect(await progressDone(page)).toBeLessThan(target);
  await expect(page.getByLabel('Run summary')).toBeVisible({ timeout: 20_000 });
  const counts = await summaryCounts(page);
  expect(counts.succeeded).toBe(target);
  // The editors show the resumed run's draft, with the new max evals.
  await expect(page.getByLabel('Max evals')).toHaveValue(String(target));

  // One parent, now FINISHED with every trial (the interrupted ones stay as such).
  await showView(page, 'History');
  await expect(runRows(page)).toHaveCount(1);
  await expect(cell(row, 'Status')).toHaveText(/^FINISHED/);
  await expect.poll(() => completedTrials(row)).toBe(target);
});

test('"Open in playground" loads a run’s space, objective and settings, and keeps the replaced code', async ({
  page,
}) => {
  await openApp(page);
  await configure(page, FAST, { maxEvals: 7, language: 'JavaScript', algo: 'rand' });
  const space = (await editor(page, 'Search space').textContent()) ?? '';
  await runToEnd(page);
  // Other work in the playground afterwards.
  const mine = 'export default () => 42;';
  await setEditor(page, 'Objective', mine);
  await page.getByLabel('Max evals').fill('99');

  await showView(page, 'History');
  const row = runRows(page).first();
  await openRunPage(page, row);
  await page
    .getByRole('toolbar', { name: 'Run actions' })
    .getByRole('button', { name: 'Open in playground' })
    .click();

  await expect(editor(page, 'Objective')).toHaveText(FAST);
  await expect(editor(page, 'Search space')).toHaveText(space, { useInnerText: false });
  await expect(page.getByLabel('Max evals')).toHaveValue('7');
  await expect(page.getByLabel('Algorithm')).toHaveValue('rand');
  const kept = page.getByRole('status', { name: 'Previous code kept' });
  await expect(kept).toContainText('Opened the run “');
  await kept.getByRole('button', { name: 'Restore previous code' }).click();
  await expect(editor(page, 'Objective')).toHaveText(mine);
  await expect(page.getByLabel('Max evals')).toHaveValue('99');

  // The list offers it too, on the parent's row.
  await showView(page, 'History');
  await runRows(page)
    .first()
    .getByRole('button', { name: /^Open .* in the playground$/ })
    .click();
  await expect(editor(page, 'Objective')).toHaveText(FAST);
});
