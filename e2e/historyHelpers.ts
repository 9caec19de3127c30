import { expect, type Locator, type Page } from '@playwright/test';
import { showView } from './runtimeHelpers';

/** The History list (a treegrid). */
export const historyGrid = (page: Page) => page.getByRole('treegrid', { name: 'Run history' });

/** Rows of one level of the tree: 1 for parents (fmin calls), 2 for their children (trials). */
export const runRows = (page: Page, level = 1) => historyGrid(page).getByRole('row', { level });

/** The columns of the list, in order (the first holds the selection checkbox). */
export const COLUMNS = [
  'Selected',
  'Name',
  'Status',
  'Start',
  'Duration',
  'Algorithm',
  'Parallelism',
  'Trials',
  'Best loss',
  'Actions',
] as const;
export type HistoryColumn = (typeof COLUMNS)[number];

/** A row's cell under a column. */
export const cell = (row: Locator, column: HistoryColumn) =>
  row.locator(`:scope > :nth-child(${COLUMNS.indexOf(column) + 1})`);

/** A parent row's completed trials (the first number of its Trials cell). */
export async function completedTrials(row: Locator): Promise<number> {
  return Number(/^\d+/.exec(await cell(row, 'Trials').innerText())?.[0] ?? NaN);
}

/** The search box. */
export const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search runs' });

/** Applies a filter as a user does: types it and presses Enter. */
export async function search(page: Page, filter: string): Promise<void> {
  await searchBox(page).fill(filter);
  await searchBox(page).press('Escape');
  await searchBox(page).press('Enter');
}

/** Opens the newest run's page from the History list (its name is a link), as a user does; its name. */
export async function openNewestRun(page: Page): Promise<string> {
  await showView(page, 'History');
  const link = cell(runRows(page).first(), 'Name').getByRole('link').first();
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  return name;
}
