import type { Page } from '@playwright/test';
import { seriousViolations } from './axeHelpers';
import { test, expect } from './fixtures';
import { openApp, runToEnd } from './runtimeHelpers';

const numbers = (page: Page) => page.getByRole('table', { name: /Key numbers of trial/ });
/** The value cell of one row of the key numbers table, by its row header. */
const number = (page: Page, name: string) =>
  numbers(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    .getByRole('cell');

test('Learn → How TPE chose this: the demo run, stepping through trials, categorical and conditional parameters', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
  await page
    .getByRole('navigation', { name: 'Topics' })
    .getByRole('link', { name: 'How TPE chose this' })
    .click();
  await expect(page).toHaveURL(/view=learn&topic=tpe-explain/);

  // The first TPE decision of the built-in run (trial 20): 20 trials seen, gamma 0.25, 2 good, 18 others.
  const status = page.getByRole('status').filter({ hasText: 'Replayed' });
  await expect(status).toContainText('this is exactly the value trial 20 got (x = ');
  await expect(number(page, 'gamma')).toHaveText('0.25');
  await expect(number(page, 'Trials TPE saw')).toHaveText('20');
  await expect(number(page, 'Below (good) trials')).toHaveText('2');
  await expect(number(page, 'Above (other) trials')).toHaveText('18');
  const winner = await number(page, 'Winner').innerText();
  await expect(status).toContainText(`x = ${winner})`);
  await expect(page.getByRole('img', { name: 'l(x) and g(x) of x at trial 20' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Candidate scores for x at trial 20' })).toBeVisible();

  // Time travel: Next, Previous, the arrow keys and the slider.
  await page.getByRole('button', { name: 'Next trial' }).click();
  await expect(page.getByText('Trial 21 (trials 0–39)')).toBeVisible();
  await expect(number(page, 'Trials TPE saw')).toHaveText('21');
  await expect(number(page, 'Above (other) trials')).toHaveText('19');
  await expect(number(page, 'Winner')).not.toHaveText(winner);
  await expect(page).toHaveURL(/trial=21/);
  await page.getByRole('button', { name: 'Previous trial' }).click();
  await page.getByRole('button', { name: 'Previous trial' }).click();
  await expect(page.getByText('Trial 19 (trials 0–39)')).toBeVisible();
  await expect(page.getByText('one of the first 20 trials')).toBeVisible();
  await expect(numbers(page)).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Trial 20 (trials 0–39)')).toBeVisible();
  await expect(number(page, 'Trials TPE saw')).toHaveText('20');

  // A choice: the two weighted histograms beside the prior.
  await page.getByRole('combobox', { name: 'Parameter', exact: true }).selectOption('model');
  await expect(page.getByRole('img', { name: 'Weighted histograms of model at trial 20' })).toBeVisible();
  const bars = page.getByRole('table', { name: 'Weighted histograms of model' });
  await expect(bars.getByRole('columnheader')).toHaveText([
    'Value',
    'Prior',
    'l (good)',
    'g (other)',
    'Candidates',
  ]);
  await expect(bars.getByRole('rowheader')).toHaveText([/^linear/, /^tree/]);
  await expect(bars.getByRole('row', { name: /\(winner\)/ })).toHaveCount(1);

  // Conditional parameters: depth only exists under model = tree; alpha was inactive in trial 37.
  await page.getByRole('combobox', { name: 'Parameter', exact: true }).selectOption('depth');
  await expect(page.getByText('depth was not active in trial 20')).toBeVisible();
  await page.getByRole('combobox', { name: 'Parameter', exact: true }).selectOption('alpha');
  await expect(number(page, 'alpha active in')).toContainText('good');
  await page.getByRole('slider', { name: 'Trial' }).fill('37');
  await expect(page.getByText('Trial 37 (trials 0–39)')).toBeVisible();
  await expect(page.getByText('alpha was not active in trial 37')).toBeVisible();
  await expect(status).toContainText('exactly the value trial 37 got (alpha = inactive)');
});

test('from the playground: a TPE trial opens "How TPE chose this" with its own value as the winner', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Max evals').fill('24');
  await runToEnd(page);
  await page.getByRole('rowheader', { name: '20', exact: true }).getByRole('button').click();
  const detail = page.getByRole('region', { name: 'Trial 20 detail' });
  const vals = JSON.parse(await detail.locator('pre').first().innerText()) as { x: number };
  await detail.getByRole('button', { name: 'How TPE chose this' }).click();
  await expect(page).toHaveURL(/view=learn&topic=tpe-explain&source=playground/);
  await expect(page.getByText("The playground's last run: 24 trials of TPE")).toBeVisible();
  const shown = Number(vals.x.toPrecision(5)).toString();
  await expect(page.getByRole('status').filter({ hasText: 'Replayed' })).toContainText(
    `this is exactly the value trial 20 got (x = ${shown})`,
  );
  await expect(number(page, 'Winner')).toHaveText(shown);
});

for (const [colorScheme, width, height] of [
  ['light', 1280, 800],
  ['dark', 390, 844],
] as const) {
  test(`the topic fits ${width}x${height} and axe finds no serious violations (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height });
    await page.goto('/?view=learn&topic=tpe-explain&trial=25&param=lr');
    await expect(page.getByRole('img', { name: 'l(x) and g(x) of lr at trial 25' })).toBeVisible();
    await page.getByText(/The \d+ candidates and their scores/).click();
    await page.getByText(/Components of l\(x\) and g\(x\)/).click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // Nothing inside the topic is cut off at its right edge either.
    const region = page.getByRole('region', { name: 'How TPE chose this' });
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
}
