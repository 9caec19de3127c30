import type { Page } from '@playwright/test';
import { seriousViolations as serious } from './axeHelpers';
import { test, expect } from './fixtures';

/**
 * Longest main-thread task allowed while a lab simulates (the page only receives progress then; the
 * simulation runs in the lab worker). Generous for a shared, loaded machine; typically under 50 ms.
 */
const LONGEST_TASK_MS = 120;

declare global {
  interface Window {
    __labLongTasks?: number[];
  }
}

/** Opens a Learn topic through the navigation; its region (the playground stays mounted beside it). */
async function openTopic(page: Page, name: string, id: string) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
  await page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`view=learn&topic=${id}`));
  return page.getByRole('region', { name });
}

test('Learn → Parallelism versus adaptivity: a small lab, its charts, table and sentence; Cancel', async ({
  page,
}) => {
  const lab = await openTopic(page, 'Parallelism versus adaptivity', 'parallelism');
  await lab.getByRole('combobox', { name: 'Objective' }).selectOption('branin');
  await lab.getByRole('spinbutton', { name: 'Max evals' }).fill('30');
  await lab.getByRole('spinbutton', { name: 'Seeds' }).fill('3');
  await lab.getByRole('checkbox', { name: 'P=8' }).uncheck();
  await page.evaluate(() => {
    const tasks: number[] = [];
    window.__labLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await lab.getByRole('button', { name: 'Run lab' }).click();
  await expect(lab.getByRole('status').filter({ hasText: /^Done in/ })).toBeVisible({ timeout: 20_000 });
  // The configuration is in the URL, so the lab can be bookmarked or shared.
  await expect(page).toHaveURL(/objective=branin.*evals=30.*seeds=3.*levels=1%2C2%2C4%2C16/);
  const tasks = await page.evaluate(() => window.__labLongTasks ?? []);
  test.info().annotations.push({
    type: 'long tasks while simulating (ms)',
    description: tasks.map(Math.round).join(', ') || 'none',
  });
  expect(Math.max(0, ...tasks)).toBeLessThan(LONGEST_TASK_MS);

  const table = lab.getByRole('table', { name: /Results over 3 seeds, 30 trials each/ });
  const rows = table.getByRole('rowheader');
  await expect(rows).toHaveText(['P=1', 'P=2', 'P=4', 'P=16', 'random (P=16)']);
  // P=1 is the speed-up reference; more workers finish sooner.
  await expect(table.getByRole('row', { name: /^P=1 / }).getByRole('cell').last()).toHaveText('1×');
  await expect(lab.getByText(/^P=16 finished \d+(\.\d)?× faster than P=1 \(median wall time/)).toBeVisible();
  await expect(lab.getByText(/Random search at P=16 reached/)).toBeVisible();
  for (const title of [
    'Best loss so far against completed trials',
    'Best loss so far against wall time (virtual)',
  ]) {
    const chart = lab.getByRole('figure', { name: title });
    await expect(chart).toBeVisible();
    // One median line per row of the table.
    await expect(chart.locator('path.band-median')).toHaveCount(5);
    // Each drawn: a median line of many points and a band under it.
    await expect(chart.locator('path.band-median').first()).toHaveAttribute(
      'd',
      /^M[\d.]+ [\d.]+([LHV][\d. ]+){10,}/,
    );
    await expect(chart.locator('path.band-fill')).toHaveCount(5);
  }
  const all = await page.evaluate(() => window.__labLongTasks ?? []);
  test.info().annotations.push({
    type: 'long tasks with the charts (ms)',
    description: all.map(Math.round).join(', ') || 'none',
  });
  expect(await serious(page)).toEqual([]);
  await expect(lab.getByRole('list', { name: 'Chart legend' }).getByRole('listitem')).toHaveText([
    'P=1',
    'P=2',
    'P=4',
    'P=16',
    'random (P=16)',
  ]);

  // A large lab, cancelled while it runs: the previous results stay, the status says so.
  await lab.getByRole('combobox', { name: 'Objective' }).selectOption('hartmann6');
  await lab.getByRole('spinbutton', { name: 'Max evals' }).fill('200');
  await lab.getByRole('spinbutton', { name: 'Seeds' }).fill('40');
  await lab.getByRole('button', { name: 'Run lab' }).click();
  await expect(lab.getByRole('status').filter({ hasText: /^Simulating… \d+ of 200 runs/ })).toBeVisible();
  await lab.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    lab.getByRole('status').filter({ hasText: /^Cancelled after \d+ of 200 runs\.$/ }),
  ).toBeVisible();
  await expect(lab.getByRole('button', { name: 'Run lab' })).toBeEnabled();
  await expect(table).toBeVisible();
});

test('Learn → Algorithm race: every algorithm on the same seeds, EDF chart and rank table (phone, dark)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const race = await openTopic(page, 'Algorithm race', 'race');
  await race.getByRole('spinbutton', { name: 'Max evals' }).fill('25');
  await race.getByRole('spinbutton', { name: 'Seeds' }).fill('3');
  await race.getByRole('button', { name: 'Run race' }).click();
  await expect(race.getByRole('status').filter({ hasText: /^Done in/ })).toBeVisible({ timeout: 20_000 });

  const table = race.getByRole('table', { name: /Ranks over 3 seeds, 25 trials each on hartmann6/ });
  const names = await table.getByRole('rowheader').allInnerTexts();
  expect([...names].sort()).toEqual(['TPE (faithful)', 'TPE (improved)', 'anneal', 'mix', 'random']);
  // Ranked best first: mean ranks ascend, and (5 competitors) they average to 3.
  const ranks = (await table.locator('tbody tr td:nth-child(2)').allInnerTexts()).map(Number);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(ranks.reduce((s, r) => s + r, 0) / ranks.length).toBeCloseTo(3, 1);
  await expect(race.getByText(/had the best mean rank|shared the best mean rank/)).toBeVisible();
  const edf = race.getByRole('figure', { name: 'Distribution of final losses over the seeds (EDF)' });
  await expect(edf).toBeVisible();
  await expect(edf.locator('path.band-median')).toHaveCount(5);
  await expect(
    race.getByRole('figure', { name: /Best loss so far against trials/ }).locator('path.band-median'),
  ).toHaveCount(5);
  expect(await serious(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // A shared link fills the form.
  await page.goto('/?view=learn&topic=race&objective=ackley5&evals=40&seeds=2&algos=rand,anneal');
  await expect(race.getByRole('combobox', { name: 'Objective' })).toHaveValue('ackley5');
  await expect(race.getByRole('spinbutton', { name: 'Max evals' })).toHaveValue('40');
  await expect(race.getByRole('checkbox', { name: 'anneal' })).toBeChecked();
  await expect(race.getByRole('checkbox', { name: 'mix' })).not.toBeChecked();

  // At least two algorithms: the form says so instead of running.
  await race.getByRole('checkbox', { name: 'anneal' }).uncheck();
  await race.getByRole('button', { name: 'Run race' }).click();
  await expect(race.getByRole('alert')).toHaveText('Choose at least two algorithms to race.');
});
