import { test, expect } from './fixtures';

test('the app shell loads, titled, with every region and a live driver worker', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Hyperopt Playground');
  await expect(page.getByRole('heading', { level: 1, name: 'Hyperopt Playground' })).toBeVisible();

  for (const region of ['Search space', 'Objective', 'Settings', 'Results']) {
    await expect(page.getByRole('region', { name: region })).toBeVisible();
  }
  // History is its own view, in the URL, and Back returns to the playground as it was.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\?view=history$/);
  await expect(nav.getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('region', { name: 'History' })).toContainText('No runs recorded');
  await expect(page.getByRole('region', { name: 'Search space' })).toBeHidden();
  await page.goBack();
  await expect(page.getByRole('region', { name: 'Search space' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' })).toHaveCount(0);

  // The Comlink round trip to the module worker: the badge shows what the worker answered.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(page.getByRole('status', { name: 'Driver status' })).toHaveText(
    `Driver worker ready · ${cores} logical ${cores === 1 ? 'core' : 'cores'}`,
  );
});

test('the layout stays readable on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expect(page.getByRole('region', { name: 'Search space' })).toBeVisible();
});
