import { test, expect } from './fixtures';
import { editor, openApp, summaryCounts } from './runtimeHelpers';

const EXAMPLES: [title: string, firstParameter: string, maxEvals: number][] = [
  ['1-D quadratic', 'x', 50],
  ['Branin', 'x1', 100],
  ['Rosenbrock', 'x', 150],
  ['Model choice on Iris', 'model', 40],
  ['Noisy objective', 'x', 80],
  ['Sometimes fails', 'x', 60],
];

for (const [title, parameter, maxEvals] of EXAMPLES) {
  test(`the example "${title}" runs to completion`, async ({ page }) => {
    test.setTimeout(90_000);
    await openApp(page);
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('button', { name: `Open ${title}` }).click();
    await expect(page.getByRole('listitem', { name: `Parameter ${parameter}` })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByLabel('Max evals')).toHaveValue(String(maxEvals));
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(page.getByLabel('Run summary')).toBeVisible({ timeout: 75_000 });
    const counts = await summaryCounts(page);
    expect(counts.total).toBe(maxEvals);
    expect(counts.succeeded).toBeGreaterThan(0);
    if (title === 'Sometimes fails') expect(counts.failed).toBeGreaterThan(0);
    else expect(counts.failed).toBe(0);
  });
}

test('opening an example keeps the previous code to restore', async ({ page }) => {
  await openApp(page);
  await editor(page, 'Objective').fill('// mine\nexport default () => 1;');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('button', { name: 'Open Branin' }).click();
  await expect(editor(page, 'Objective')).toContainText('Branin-Hoo');
  await page.getByRole('button', { name: 'Restore previous code' }).click();
  await expect(editor(page, 'Objective')).toContainText('// mine');
});

test('the gallery opens and closes from the keyboard', async ({ page }) => {
  await openApp(page);
  const toggle = page.getByRole('button', { name: 'Examples' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Examples gallery' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Open 1-D quadratic' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Examples gallery' })).toHaveCount(0);
  await expect(toggle).toBeFocused();
});
