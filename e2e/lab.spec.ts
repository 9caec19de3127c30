import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

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
  await lab.getByRole('button', { name: 'Run lab' }).click();
  await expect(lab.getByRole('status').filter({ hasText: /^Done in/ })).toBeVisible({ timeout: 20_000 });

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
    await expect(chart.locator('.recharts-line')).toHaveCount(5);
  }
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
