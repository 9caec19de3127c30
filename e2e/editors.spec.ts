import { test, expect } from './fixtures';
import { configure, editor, openApp, runToEnd, setEditor, summaryCounts } from './runtimeHelpers';

test('the editors complete hp.* and run.* and show their docs on hover', async ({ page }) => {
  await openApp(page);
  const space = editor(page, 'Search space');
  await space.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nconst extra = hp.logu');
  const completions = page.locator('.cm-tooltip-autocomplete');
  await expect(completions).toContainText('loguniform');
  await page.keyboard.press('Escape');
  await expect(completions).toHaveCount(0);

  const objective = editor(page, 'Objective');
  await objective.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nrun.log');
  await expect(completions).toContainText('logMetric');
  await expect(completions).toContainText('logArtifact');
  await page.keyboard.press('Escape');

  await space.getByText('uniform', { exact: true }).first().hover();
  await expect(page.locator('.cm-api-doc')).toContainText('hp.uniform(label, low, high)');
});

test("an objective's syntax error is marked at its line while typing", async ({ page }) => {
  await openApp(page);
  await setEditor(
    page,
    'Objective',
    'export default function objective(params) {\n  const a = 1;\n  return a +;\n}',
  );
  await expect(page.getByRole('alert')).toContainText('syntax error at line 3');
  await expect(
    page.locator('[data-editor="Objective"] .cm-line').nth(2).locator('.cm-lintRange-error'),
  ).toHaveCount(1);
});

for (const algo of ['TPE (improved)', 'anneal', 'mix']) {
  test(`the ${algo} algorithm runs`, async ({ page }) => {
    await openApp(page);
    await configure(page, 'export default (p) => (p.x - 3) ** 2;', { language: 'JavaScript', maxEvals: 25 });
    await page.getByLabel('Algorithm').selectOption({ label: algo });
    await page.getByLabel('Seed').fill('5');
    await runToEnd(page);
    expect(await summaryCounts(page)).toMatchObject({ total: 25, succeeded: 25 });
  });
}

test('after a run, the lines where trials failed are marked in the objective', async ({ page }) => {
  await openApp(page);
  await configure(
    page,
    `export default function objective(params, run) {
  if (run.tid % 2 === 1) {
    throw new RangeError('odd trial ' + run.tid);
  }
  return params.x ** 2;
}`,
    { language: 'JavaScript', maxEvals: 6, parallelism: 2 },
  );
  await runToEnd(page);
  const line3 = page.locator('[data-editor="Objective"] .cm-line').nth(2);
  await expect(line3.locator('.cm-lintRange-warning')).toHaveCount(1);
  expect(await summaryCounts(page)).toMatchObject({ failed: 3 });
});
