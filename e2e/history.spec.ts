import type { Page } from '@playwright/test';
import { seriousViolations } from './axeHelpers';
import { test, expect } from './fixtures';
import { configure, openApp, runToEnd, showView } from './runtimeHelpers';
import { cell, completedTrials, historyGrid, runRows, search, searchBox } from './historyHelpers';

const FAST = 'export default (params) => params.x ** 2;';
/** Slow enough to watch from another tab. */
const PACED = `export default async function objective(params) {
  await new Promise((resolve) => setTimeout(resolve, 40));
  return params.x ** 2;
}`;

/** Runs fmin once per entry, each with that many trials (rand, serial: quick and predictable). */
async function runs(page: Page, ...maxEvals: number[]): Promise<void> {
  await openApp(page);
  for (const n of maxEvals) {
    await configure(page, FAST, { maxEvals: n, parallelism: 1, language: 'JavaScript', algo: 'rand' });
    await runToEnd(page);
  }
  await showView(page, 'History');
}

/** A row's run name (its link's text) and id (from the link to its run page). */
async function runOf(row: ReturnType<typeof runRows>) {
  const link = cell(row, 'Name').getByRole('link').first();
  const href = (await link.getAttribute('href')) ?? '';
  return { name: await link.innerText(), id: new URLSearchParams(href.slice(1)).get('id') ?? '' };
}

const loss = async (row: ReturnType<typeof runRows>) => Number(await cell(row, 'Best loss').innerText());

test('trials nest under their fmin run; a filter keeps a parent whose children match, with only those', async ({
  page,
}) => {
  await runs(page, 6, 8);
  const parents = runRows(page);
  await expect(parents).toHaveCount(2);
  // Newest first, with the autologged settings and the child summary.
  const newest = parents.nth(0);
  await expect(cell(newest, 'Trials')).toHaveText('8');
  await expect(cell(newest, 'Status')).toHaveText('FINISHED');
  await expect(cell(newest, 'Algorithm')).toHaveText('rand');
  await expect(cell(newest, 'Parallelism')).toHaveText('1');
  await expect(cell(parents.nth(1), 'Trials')).toHaveText('6');
  const parent = await runOf(newest);
  expect(parent.id).toMatch(/^[0-9a-f]{32}$/);

  await newest.getByRole('button', { name: `Expand ${parent.name}` }).click();
  await expect(newest).toHaveAttribute('aria-expanded', 'true');
  const children = runRows(page, 2);
  await expect(children).toHaveCount(8);
  // A child links to its run page and to its parent's.
  const child = children.first();
  expect((await runOf(child)).id).toMatch(/^[0-9a-f]{32}$/);
  await expect(child.getByRole('link', { name: `Parent run ${parent.name}` })).toHaveAttribute(
    'href',
    `?view=run&id=${parent.id}`,
  );
  // Every trial's loss, to choose a threshold that some but not all pass.
  await parents
    .nth(1)
    .getByRole('button', { name: /^Expand / })
    .click();
  await expect(children).toHaveCount(14);
  const losses: number[] = [];
  for (const row of await children.all()) losses.push(await loss(row));
  const sorted = [...losses].sort((a, b) => a - b);
  const threshold = (sorted[6]! + sorted[7]!) / 2;

  await search(page, `metrics.loss < ${threshold}`);
  await expect(page).toHaveURL(/[?&]view=history&q=metrics\.loss/);
  await expect(page.getByRole('status', { name: 'Search status' })).toHaveText(/^7 runs match/);
  await expect(children).toHaveCount(7);
  for (const row of await children.all()) {
    expect(await loss(row)).toBeLessThan(threshold);
    await expect(row).toContainText('matches');
  }
  // The parents stay (MLflow would drop them: they have no loss metric), expanded, not marked.
  for (const row of await parents.all()) {
    await expect(row).toHaveAttribute('aria-expanded', 'true');
    await expect(row).not.toContainText('matches');
  }

  // Only one run has a trial numbered 7: the other parent goes.
  await search(page, "attributes.run_name = 'trial 7'");
  await expect(parents).toHaveCount(1);
  expect((await runOf(parents.first())).id).toBe(parent.id);
  await expect(children).toHaveCount(1);
  await expect(cell(children.first(), 'Name')).toContainText('trial 7');

  // The filter is in the URL: a reload shows the same.
  await page.reload();
  await expect(searchBox(page)).toHaveValue("attributes.run_name = 'trial 7'");
  await expect(runRows(page, 2)).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(runRows(page)).toHaveCount(2);
  await expect(page).toHaveURL(/\?view=history$/);
});

test('sorting by column, search suggestions and a bad query named by its column', async ({ page }) => {
  await runs(page, 3, 5);
  const parents = runRows(page);
  const header = (name: string) => historyGrid(page).getByRole('columnheader', { name });
  await header('Trials').getByRole('button').click();
  await expect(header('Trials')).toHaveAttribute('aria-sort', 'ascending');
  await expect(cell(parents.first(), 'Trials')).toHaveText('3');
  await header('Trials').getByRole('button').click();
  await expect(header('Trials')).toHaveAttribute('aria-sort', 'descending');
  await expect(cell(parents.first(), 'Trials')).toHaveText('5');
  await expect(header('Start')).toHaveAttribute('aria-sort', 'none');

  // Children sort among themselves by the same column.
  await parents
    .first()
    .getByRole('button', { name: /^Expand / })
    .click();
  await header('Best loss').getByRole('button').click();
  await expect(header('Best loss')).toHaveAttribute('aria-sort', 'ascending');
  const children = runRows(page, 2);
  await expect(children).toHaveCount(5);
  const losses = [];
  for (const row of await children.all()) losses.push(await loss(row));
  expect(losses).toEqual([...losses].sort((a, b) => a - b));

  // Suggestions: entities first, then the keys the history has under the one typed.
  const box = searchBox(page);
  const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  await box.click();
  await box.pressSequentially('par');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(options.first()).toContainText('params.');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(box).toHaveValue('params.');
  await expect(options.filter({ hasText: 'params.x' })).toHaveCount(1);
  await expect(options.filter({ hasText: 'params.algo' })).toHaveCount(1);
  await options.filter({ hasText: 'params.x' }).click();
  await expect(box).toHaveValue('params.x ');
  await box.pressSequentially("LIKE '-%' and met");
  await expect(options.first()).toContainText('metrics.');

  // A bad query: the message names the column, the box is marked invalid, nothing is filtered.
  await search(page, "metrics.loss < 'a'");
  const alert = page.getByRole('alert').filter({ hasText: 'Bad query' });
  await expect(alert).toContainText('column 16');
  await expect(alert).toContainText('expected a number to compare metrics.loss with');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(parents).toHaveCount(2);
  await search(page, "metrics.loss < 1 or params.x = '1'");
  await expect(alert).toContainText('OR at column 18 is not supported');
});

test('select and delete a run with its children, then Undo restores it whole', async ({ page }) => {
  await runs(page, 4, 5);
  const parents = runRows(page);
  const newest = await runOf(parents.first());
  const bar = page.getByRole('toolbar', { name: 'Selected runs' });

  // Two parents selected: Compare opens them side by side.
  await page.getByRole('checkbox', { name: `Select ${newest.name}` }).check();
  const other = await runOf(parents.nth(1));
  await page.getByRole('checkbox', { name: `Select ${other.name}` }).check();
  await expect(bar).toContainText('2 runs selected');
  await bar.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(`?view=compare&ids=${newest.id}%2C${other.id}`);
  await page.goBack();
  await page.getByRole('checkbox', { name: `Select ${other.name}` }).uncheck();

  // With the option on, selecting a parent selects its children too.
  await bar.getByRole('checkbox', { name: 'Selecting a parent selects its children' }).check();
  await page.getByRole('checkbox', { name: `Select ${newest.name}` }).uncheck();
  await page.getByRole('checkbox', { name: `Select ${newest.name}` }).check();
  await expect(bar).toContainText('6 runs selected');
  await parents
    .first()
    .getByRole('button', { name: `Expand ${newest.name}` })
    .click();
  for (const child of await runRows(page, 2).all())
    await expect(child).toHaveAttribute('aria-selected', 'true');

  await bar.getByRole('button', { name: 'Delete' }).click();
  const deletion = page.getByRole('status', { name: 'Deletion' });
  await expect(deletion).toContainText('Deleted 6 runs');
  await expect(parents).toHaveCount(1);
  await expect(bar).toContainText('No run selected');
  await deletion.getByRole('button', { name: 'Undo' }).click();
  await expect(deletion).toHaveText('Restored 6 runs.');
  await expect(parents).toHaveCount(2);
  await expect(cell(parents.first(), 'Trials')).toHaveText('5');
  expect(await runOf(parents.first())).toEqual(newest);

  // Restored in the store, not just on screen.
  await page.reload();
  await expect(runRows(page)).toHaveCount(2);
  await runRows(page)
    .first()
    .getByRole('button', { name: `Expand ${newest.name}` })
    .click();
  await expect(runRows(page, 2)).toHaveCount(5);
});

test('a deletion not undone is gone after a reload', async ({ page }) => {
  await runs(page, 3);
  const row = runRows(page).first();
  const { name } = await runOf(row);
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(page.getByRole('status', { name: 'Deletion' })).toContainText('Deleted 4 runs');
  await page.reload();
  await expect(page.getByRole('region', { name: 'History' })).toContainText('No runs recorded yet');
});

test('the list is keyboard usable: arrows move, expand and collapse, Space selects, Enter opens', async ({
  page,
}) => {
  await runs(page, 3);
  const parent = runRows(page).first();
  const { id } = await runOf(parent);
  await parent.focus();
  await page.keyboard.press('ArrowRight');
  await expect(parent).toHaveAttribute('aria-expanded', 'true');
  await expect(runRows(page, 2)).toHaveCount(3);
  await page.keyboard.press('ArrowRight');
  await expect(runRows(page, 2).first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(runRows(page, 2).nth(1)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(runRows(page, 2).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(parent).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(parent).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`?view=run&id=${id}`);
});

test('a run started in another tab shows in History and progresses live', async ({ page, context }) => {
  const history = await context.newPage();
  await openApp(history);
  await showView(history, 'History');
  await expect(history.getByRole('region', { name: 'History' })).toContainText('No runs recorded yet');

  await openApp(page);
  await configure(page, PACED, { maxEvals: 120, parallelism: 2, language: 'JavaScript', algo: 'rand' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const row = runRows(history).first();
  await expect(cell(row, 'Status')).toHaveText('RUNNING', { timeout: 10_000 });
  // A running run cannot be deleted.
  await expect(row.getByRole('button', { name: /^Delete / })).toBeDisabled();
  await expect.poll(() => completedTrials(row), { timeout: 10_000 }).toBeGreaterThan(0);
  const early = await completedTrials(row);
  await expect.poll(() => completedTrials(row), { timeout: 10_000 }).toBeGreaterThan(early);
  await expect(cell(row, 'Status')).toHaveText('FINISHED', { timeout: 20_000 });
  await expect(cell(row, 'Trials')).toHaveText('120');
  await history.close();
});

test('axe finds no serious violations in History (light at 1280 px, dark at 390 px)', async ({ page }) => {
  await runs(page, 4);
  const parent = runRows(page).first();
  await parent.getByRole('button', { name: /^Expand / }).click();
  await runRows(page, 2).nth(1).getByRole('checkbox').check();
  await search(page, 'metrics.loss >= 0');
  await expect(runRows(page, 2)).toHaveCount(4);
  await searchBox(page).fill('params.');
  for (const [width, height, colorScheme] of [
    [1280, 800, 'light'],
    [390, 844, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `${colorScheme} at ${width}px`).toEqual([]);
    // Nothing wider than the screen: the list scrolls inside its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
});
