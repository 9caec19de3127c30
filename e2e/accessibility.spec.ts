import { seriousViolations } from './axeHelpers';
import { test, expect } from './fixtures';
import { editor, openApp, runToEnd } from './runtimeHelpers';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious violations, before and after a run (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openApp(page);
    await expect(editor(page, 'Objective')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Parameters' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await runToEnd(page);
    await expect(page.getByText('Loss per trial, with the best so far')).toBeVisible();
    await page.getByRole('rowheader', { name: '1', exact: true }).getByRole('button').click();
    await page.getByRole('button', { name: 'Examples' }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test(`usable at ${width}x${height}: Run visible, nothing wider than the screen`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    await expect(page.getByRole('button', { name: 'Run' })).toBeInViewport();
    await expect(editor(page, 'Search space')).toBeVisible();
    await runToEnd(page);
    await expect(page.getByRole('figure', { name: 'Worker timeline' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

test('keyboard only: edit, run with Ctrl+Enter and open a trial', async ({ page }) => {
  await openApp(page);
  await editor(page, 'Objective').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByLabel('Run summary')).toBeVisible({ timeout: 20_000 });
  const trial = page.getByRole('rowheader', { name: '0', exact: true }).getByRole('button');
  await trial.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Trial 0 detail' })).toBeVisible();
});
