import { test, expect } from './fixtures';
import { configure, openApp, runToEnd, summaryCounts, trialRow } from './runtimeHelpers';

test('an objective that throws fails its trial with the message and line, and the run continues', async ({
  page,
}) => {
  await openApp(page);
  await configure(
    page,
    `export default function objective(params, run) {
  if (run.tid % 3 === 1) {
    throw new RangeError('tid ' + run.tid + ' is unlucky');
  }
  return params.x ** 2;
}`,
    { language: 'JavaScript', maxEvals: 9, parallelism: 2 },
  );
  await runToEnd(page);
  expect(await summaryCounts(page)).toMatchObject({ total: 9, succeeded: 6, failed: 3, cancelled: 0 });
  const row = trialRow(page, 4);
  await expect(row).toContainText('failed');
  await expect(row).toContainText('RangeError: tid 4 is unlucky');
  await expect(row).toContainText('(line 3)');
});

test('the per-trial limit ends a runaway trial alone; the UI stays responsive', async ({ page }) => {
  await openApp(page);
  await configure(
    page,
    `export default function objective(params, run) {
  if (run.tid === 1) for (;;) {}
  return 1;
}`,
    { language: 'JavaScript', maxEvals: 6, parallelism: 2, perTrial: 1 },
  );
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status', { name: 'Run progress' })).toContainText('1 running now');
  // While a worker spins, the page answers at once: a click on a control is handled.
  const started = Date.now();
  await page.getByLabel('Language').selectOption('javascript');
  expect(Date.now() - started).toBeLessThan(1000);
  await expect(page.getByLabel('Run summary')).toBeVisible({ timeout: 10_000 });
  expect(await summaryCounts(page)).toMatchObject({ total: 6, succeeded: 5, failed: 1 });
  await expect(trialRow(page, 1)).toContainText(
    'TrialTimeoutError: Trial 1 ran longer than the per-trial time limit of 1 s',
  );
});

test('the global timeout ends every spinning trial at once and fmin returns', async ({ page }) => {
  await openApp(page);
  await configure(
    page,
    `export default function objective(params, run) {\n  if (run.tid >= 2) for (;;) {}\n  return params.x;\n}`,
    {
      language: 'JavaScript',
      maxEvals: 20,
      parallelism: 2,
      timeout: 1.5,
      perTrial: '',
    },
  );
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status', { name: 'Run progress' })).toContainText('2 running now');
  const rtt = await page.evaluate(async () => {
    const start = performance.now();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return performance.now() - start;
  });
  expect(rtt).toBeLessThan(200);
  await expect(page.getByLabel('Run summary')).toContainText('Run ended (timeout)', { timeout: 10_000 });
  expect(await summaryCounts(page)).toMatchObject({ succeeded: 2, cancelled: 2, failed: 0 });
  await expect(trialRow(page, 2)).toContainText('cancelled');
  await expect(trialRow(page, 2)).toContainText('fmin timeout');
  await expect(page.getByLabel('Run summary')).toContainText('after the timeout');
});

test('NaN, a string and a huge payload fail their trials with the reason', async ({ page }) => {
  await openApp(page);
  await configure(
    page,
    `export default function objective(params, run) {
  if (run.tid === 0) return NaN;
  if (run.tid === 1) return 'a string';
  if (run.tid === 2) return { status: 'ok', loss: 1, blob: 'x'.repeat(2_000_000) };
  return 1;
}`,
    { language: 'JavaScript', maxEvals: 4, parallelism: 1 },
  );
  await runToEnd(page);
  expect(await summaryCounts(page)).toMatchObject({ total: 4, succeeded: 1, failed: 3 });
  await expect(trialRow(page, 0)).toContainText('InvalidLoss: objective returned NaN');
  await expect(trialRow(page, 1)).toContainText('got the string "a string"');
  await expect(trialRow(page, 2)).toContainText(
    "UntrustedResultError: Trial 2's result was rejected: the result is 2.0 MB, over the 1 MB limit",
  );
  await expect(trialRow(page, 3)).toContainText('ok');
});

test('a worker that dies or runs out of memory fails its trial; a new worker runs the rest', async ({
  page,
}) => {
  await openApp(page);
  await configure(
    page,
    `export default function objective(params, run) {
  if (run.tid === 1) self.close();
  if (run.tid === 2) {
    const hoard = [];
    for (;;) hoard.push(new ArrayBuffer(2 ** 30));
  }
  return 1;
}`,
    { language: 'JavaScript', maxEvals: 6, parallelism: 1, perTrial: 5 },
  );
  await runToEnd(page);
  expect(await summaryCounts(page)).toMatchObject({ total: 6, succeeded: 4, failed: 2 });
  await expect(trialRow(page, 1)).toContainText(
    'WorkerCrashedError: The worker running trial 1 stopped (the objective called close()); it was replaced',
  );
  await expect(trialRow(page, 2)).toContainText('RangeError: Array buffer allocation failed');
  await expect(trialRow(page, 5)).toContainText('ok');
});

test('Stop during a run cancels the running trials with the reason', async ({ page }) => {
  await openApp(page);
  await configure(page, 'export default function objective() { for (;;) {} }', {
    language: 'JavaScript',
    maxEvals: 50,
    parallelism: 2,
    perTrial: '',
  });
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status', { name: 'Run progress' })).toContainText('2 running now');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByLabel('Run summary')).toContainText('Run ended (stopped)');
  const counts = await summaryCounts(page);
  expect(counts.succeeded).toBe(0);
  expect(counts.cancelled).toBeGreaterThanOrEqual(2);
  await expect(trialRow(page, 0)).toContainText('aborted: stopped by the user');
  // The pool is usable again at once.
  await configure(page, 'export default () => 1;', { maxEvals: 3 });
  await runToEnd(page);
  expect(await summaryCounts(page)).toMatchObject({ total: 3, succeeded: 3 });
});
