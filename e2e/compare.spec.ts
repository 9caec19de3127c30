import type { Page } from '@playwright/test';
import { seriousViolations } from './axeHelpers';
import { test, expect } from './fixtures';
import { configure, openApp, runToEnd, setEditor, showView } from './runtimeHelpers';

const SPACE = `import { hp } from 'hyperopt';
export default {
  x: hp.uniform('x', -5, 5),
  y: hp.uniform('y', -5, 5),
};`;
// Only x matters: the importance ranking must put it first.
const OBJECTIVE = 'export default (params) => params.x ** 2;';

/** The top-level runs in the store, oldest first (what the History list would show). */
async function storedRuns(page: Page): Promise<{ id: string; name: string }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('hyperopt-playground-tracking');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<{ id: string; name: string; parent: string; startTime: number }[]>(
      (resolve, reject) => {
        const request = db.transaction('runs').objectStore('runs').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      },
    );
    db.close();
    return rows
      .filter((r) => r.parent === '')
      .sort((a, b) => a.startTime - b.startTime)
      .map((r) => ({ id: r.id, name: r.name }));
  });
}

test('compare two fmin runs: overlay, differences, parallel coordinates with brushing, pair scatter, importance', async ({
  page,
}) => {
  await openApp(page);
  await setEditor(page, 'Search space', SPACE);
  await page.getByLabel('Seed').fill('3');
  await configure(page, OBJECTIVE, { language: 'JavaScript', algo: 'rand', maxEvals: 25 });
  await runToEnd(page);
  await configure(page, OBJECTIVE, { algo: 'tpe' });
  await runToEnd(page);
  const runs = await storedRuns(page);
  expect(runs).toHaveLength(2);

  // Select both in History and compare them.
  await showView(page, 'History');
  for (const run of runs) await page.getByRole('checkbox', { name: `Select ${run.name}` }).check();
  await page.getByRole('toolbar', { name: 'Selected runs' }).getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(
    new RegExp(`view=compare&ids=(${runs[0]!.id}%2C${runs[1]!.id}|${runs[1]!.id}%2C${runs[0]!.id})`),
  );
  await expect(page.getByRole('list', { name: 'Compared runs' }).getByRole('listitem')).toHaveCount(2);

  // Best-so-far overlay: one line per run, the legend names both.
  const curves = page.getByRole('region', { name: 'Best loss so far' });
  for (const run of runs) await expect(curves.locator('.recharts-legend-wrapper')).toContainText(run.name);
  await expect(curves.locator('.recharts-line')).toHaveCount(2);
  await curves.getByRole('radio', { name: 'Wall time' }).check();
  await expect(curves.getByText('seconds since the run started')).toBeVisible();

  // The table: max_evals is the same in both runs, algo is not.
  const table = page.getByRole('table', { name: 'Parameters and metrics of the compared runs' });
  const row = (label: string) =>
    table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  await expect(row('max_evals')).toContainText('25');
  await expect(row('algo')).toContainText('hyperopt.rand');
  await page.getByRole('checkbox', { name: 'Show differences only' }).check();
  await expect(row('max_evals')).toHaveCount(0);
  await expect(row('algo')).toContainText('hyperopt.tpe');

  // Parallel coordinates: all 50 trials selected; a brush on x narrows the selection.
  const trials = page.getByRole('region', { name: 'Trials' });
  const selected = trials.getByRole('status', { name: 'Selected trials' });
  await expect(selected).toHaveText('50 of 50 trials selected');
  const hit = trials.getByTestId('brush-x');
  await hit.scrollIntoViewIfNeeded();
  const box = (await hit.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.5, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.7, { steps: 4 });
  await page.mouse.up();
  await expect(selected).not.toHaveText('50 of 50 trials selected');
  const brushed = Number(/^(\d+) of 50/.exec(await selected.innerText())![1]);
  expect(brushed).toBeGreaterThan(0);
  expect(brushed).toBeLessThan(50);
  // The keyboard way: a maximum on the loss axis narrows it further.
  const summary = trials.getByText(/^Brush ranges \(type/);
  await summary.focus();
  await page.keyboard.press('Enter');
  await trials.getByRole('spinbutton', { name: 'loss maximum' }).fill('0.5');
  await expect(async () => {
    const now = Number(/^(\d+) of 50/.exec(await selected.innerText())![1]);
    expect(now).toBeLessThan(brushed);
  }).toPass();
  await trials.getByRole('button', { name: 'Clear all brushes' }).click();
  await expect(selected).toHaveText('50 of 50 trials selected');

  // The pair scatter follows the chosen parameters.
  await trials.getByLabel('X parameter').selectOption('y');
  await trials.getByLabel('Y parameter').selectOption('x');
  await expect(trials.getByRole('img', { name: 'x against y, coloured by loss' })).toBeVisible();
  await expect(trials.getByText(/^50 trials; the best \(loss [\d.e-]+\) at y = /)).toBeVisible();

  // Importance: x decides the loss, so it ranks first.
  const importance = page.getByRole('table', { name: 'Parameter importance' });
  await expect(importance.getByRole('row').nth(1).getByRole('rowheader')).toHaveText('x');
  await expect(importance.getByRole('row').nth(2).getByRole('rowheader')).toHaveText('y');

  // An id that is not in the store is named; the two valid runs are still compared.
  await page.goto(`/?view=compare&ids=${runs[0]!.id},${runs[1]!.id},0123456789abcdef`);
  await expect(page.getByRole('alert', { name: 'Runs left out' })).toContainText(
    'Run 0123456789abcdef was not found',
  );
  await expect(page.getByRole('list', { name: 'Compared runs' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Parameter importance' })).toBeVisible();

  // Accessible in both schemes, and nothing wider than a phone's screen (plots scroll inside).
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('checkbox', { name: 'Show differences only' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('compare with fewer than two valid runs says what is wrong', async ({ page }) => {
  await page.goto('/?view=compare&ids=nope!,abc');
  await expect(page.getByRole('alert', { name: 'Runs left out' })).toContainText('“nope!” is not a run id.');
  await expect(page.getByRole('alert', { name: 'Runs left out' })).toContainText('Run abc was not found');
  await expect(page.getByText(/Comparing needs at least two runs/)).toBeVisible();
  await page.getByRole('link', { name: 'Back to History' }).click();
  await expect(page).toHaveURL(/view=history/);
});
