import { test, expect } from './fixtures';
import { rawPageEvaluator } from './rawPage';
import { configure, openApp, runToEnd, summaryCounts, trialRow } from './runtimeHelpers';

test('when the sandbox goes away mid-run, its trials fail and a new sandbox runs the rest', async ({
  page,
}) => {
  await openApp(page);
  await configure(
    page,
    `export default function objective(params, run) {\n  if (run.tid < 2) for (;;) {}\n  return 1;\n}`,
    {
      language: 'JavaScript',
      maxEvals: 6,
      parallelism: 2,
      perTrial: 60,
    },
  );
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status', { name: 'Run progress' })).toContainText('2 running now');
  // What a crashed sandbox process looks like from the app: the frame and its workers are gone.
  await page.locator('iframe.trial-sandbox').evaluate((frame) => frame.remove());
  await expect(page.getByLabel('Run summary')).toBeVisible({ timeout: 15_000 });
  expect(await summaryCounts(page)).toMatchObject({ total: 6, succeeded: 4, failed: 2 });
  await expect(trialRow(page, 0)).toContainText(
    'the sandbox stopped, most likely because the objective ran out of memory',
  );
  await expect(page.getByRole('status', { name: 'Sandbox status' })).toHaveText('Sandbox ready');
  await configure(page, 'export default () => 2;', { maxEvals: 2 });
  await runToEnd(page);
  expect(await summaryCounts(page)).toMatchObject({ total: 2, succeeded: 2 });
});

test('an objective that exhausts the JavaScript heap fails its trial; the app and later trials go on', async ({
  page,
  browser,
}) => {
  // Filling a V8 heap takes a while; the sandbox's renderer process then dies of it.
  test.setTimeout(120_000);
  await openApp(page);
  await configure(
    page,
    `export default function objective(params, run) {
  if (run.tid === 1) {
    const hoard = [];
    for (;;) hoard.push(new Array(1e6).fill(1.5));
  }
  return 1;
}`,
    { language: 'JavaScript', maxEvals: 5, parallelism: 1, perTrial: 100 },
  );
  // Playwright reports the sandbox process's death as a crash of the page and refuses calls on it
  // afterwards, so the page is read over a raw DevTools session from here on.
  const evaluate = await rawPageEvaluator(browser, new URL(page.url()).host);
  await page.getByRole('button', { name: 'Run' }).click();
  let summary = '';
  for (let waited = 0; waited < 100_000 && !summary.includes('Run ended'); waited += 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    summary = String(
      (await evaluate(`document.querySelector('[aria-label="Run summary"]')?.innerText ?? ''`)) ?? '',
    );
  }
  expect(summary).toContain('Total 5 · succeeded 4 · failed 1 · cancelled 0');
  const row = String(
    await evaluate(
      `[...document.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === '1')?.innerText ?? ''`,
    ),
  );
  expect(row).toContain('the sandbox stopped, most likely because the objective ran out of memory');
  expect(await evaluate(`document.querySelector('[aria-label="Sandbox status"]').innerText`)).toBe(
    'Sandbox ready',
  );
});
