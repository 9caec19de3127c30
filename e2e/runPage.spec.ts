import type { Page } from '@playwright/test';
import { seriousViolations } from './axeHelpers';
import { test, expect } from './fixtures';
import { openNewestRun } from './historyHelpers';
import { configure, openApp, runToEnd, showView } from './runtimeHelpers';

/** Logs a stepped metric, a param, a tag, a JSON and a text artifact (with markup that must stay text). */
const OBJECTIVE = `export default function objective(params, run) {
  for (let step = 0; step < 5; step++) run.logMetric('acc', 1 / (1 + Math.abs(params.x - 3) + step), step);
  run.logParam('note', 'e2e');
  run.setTag('team', 'search');
  run.logArtifact('config.json', JSON.stringify({ x: params.x, nested: { ok: true } }));
  run.logArtifact('notes.txt', '<b>not bold</b> x=' + params.x.toFixed(3));
  return (params.x - 3) ** 2;
}`;

const table = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const cellOf = (page: Page, tableName: string, key: string) =>
  table(page, tableName)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: key, exact: true }) });

test('a parent run page: params, metrics, trials charts and table; a child page with curves and artifacts; rename and tags survive a reload', async ({
  page,
}) => {
  await openApp(page);
  await configure(page, OBJECTIVE, { maxEvals: 6, parallelism: 2, language: 'JavaScript', algo: 'rand' });
  await runToEnd(page);
  const parent = await openNewestRun(page);
  await expect(page.getByText('FINISHED', { exact: true })).toBeVisible();
  await expect(cellOf(page, 'Params', 'max_evals')).toContainText('6');
  await expect(cellOf(page, 'Metrics', 'total_trials_count')).toContainText('6');
  await expect(cellOf(page, 'Tags', 'runSource')).toContainText('system');
  await expect(page.getByText(/^6 \(6 finished\)/)).toBeVisible();
  // The trials with the live view's charts and table.
  await expect(page.getByRole('figure', { name: /Loss per trial/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'x against loss' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Worker timeline' })).toBeVisible();
  const trials = page.getByRole('region', { name: 'Trials table' });
  await expect(trials.getByRole('caption')).toContainText('Trials (6)');
  await expect(trials.getByRole('row')).toHaveCount(7);

  // A trial's number opens its child run; its parent link leads back.
  await trials.getByRole('button', { name: '0', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'trial 0' })).toBeVisible();
  await expect(page).toHaveURL(/view=run&id=/);
  await expect(cellOf(page, 'Params', 'note')).toContainText('e2e');
  await expect(cellOf(page, 'Params', 'x')).toBeVisible();
  await expect(cellOf(page, 'Metrics', 'acc')).toContainText('4');
  await expect(page.getByRole('figure', { name: 'Metric acc by step' })).toBeVisible();
  await expect(cellOf(page, 'Tags', 'team')).toContainText('search');
  const notes = page.getByLabel('Content of notes.txt');
  await expect(notes).toContainText('<b>not bold</b> x=');
  await expect(notes.locator('b')).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: 'Artifact config.json' })).toContainText('text (JSON)');
  await expect(page.getByLabel('Content of config.json')).toContainText('"nested": {');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download notes.txt' }).click();
  expect((await download).suggestedFilename()).toBe('notes.txt');
  await page.getByRole('link', { name: parent }).click();
  await expect(page.getByRole('heading', { level: 2, name: parent })).toBeVisible();

  // Rename in place, add two tags and remove one.
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Run name').fill('my search');
  await page.getByLabel('Run name').press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'my search' })).toBeVisible();
  for (const [key, value] of [
    ['purpose', 'e2e check'],
    ['temp', 'x'],
  ]) {
    await page.getByLabel('Tag key').fill(key!);
    await page.getByLabel('Tag value').fill(value!);
    await page.getByRole('button', { name: 'Add tag' }).click();
    await expect(cellOf(page, 'Tags', key!)).toContainText(value!);
  }
  await page.getByRole('button', { name: 'Remove tag temp' }).click();
  await expect(cellOf(page, 'Tags', 'temp')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'my search' })).toBeVisible();
  await expect(cellOf(page, 'Tags', 'purpose')).toContainText('e2e check');
  await expect(cellOf(page, 'Tags', 'temp')).toHaveCount(0);

  const exported = page.waitForEvent('download');
  await page
    .getByRole('toolbar', { name: 'Run actions' })
    .getByRole('button', { name: 'Export JSON' })
    .click();
  expect((await exported).suggestedFilename()).toBe('my search.json');
});

/** Slow enough to open the run's page while it runs. */
const PACED = `export default async function objective(params) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return (params.x - 3) ** 2;
}`;

test("a running run's page moves with it and ends FINISHED without a reload; axe finds nothing serious", async ({
  page,
}) => {
  await openApp(page);
  await configure(page, PACED, { maxEvals: 30, parallelism: 2, language: 'JavaScript', algo: 'rand' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run progress' })).toContainText(/^([1-9]|1\d) of 30 done/);
  // The playground stays mounted while History shows: the run goes on.
  await openNewestRun(page);
  await expect(page.getByText('RUNNING', { exact: true })).toBeVisible();
  const ended = page.getByText(/^\d+ ended/);
  const count = async () => Number(/^(\d+) ended/.exec(await ended.innerText())?.[1] ?? NaN);
  const before = await count();
  expect(before).toBeLessThan(30);
  await expect.poll(count).toBeGreaterThan(before);
  await expect(page.getByText('FINISHED', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(ended).toHaveText(/^30 ended/);
  await expect(page.getByRole('region', { name: 'Trials table' }).getByRole('caption')).toContainText(
    'Trials (30)',
  );
  // The run page only (the hidden playground has its own accessibility test).
  expect(await seriousViolations(page, '.run-page')).toEqual([]);
});

/** A 1x1 PNG. */
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

test('images and JSON artifacts show inline; a missing run says so and links back to History', async ({
  page,
}) => {
  const file = {
    format: 'hyperopt-playground-runs',
    version: 1,
    exportedAt: 1_700_000_000_000,
    experiments: [{ id: 'exp-e2e', name: 'Imported e2e', createdAt: 1_700_000_000_000 }],
    runs: [
      {
        id: 'run-with-image',
        experimentId: 'exp-e2e',
        name: 'with an image',
        status: 'FINISHED',
        startTime: 1_700_000_000_000,
        endTime: 1_700_000_090_000,
        parentRunId: null,
        params: { lr: '0.1' },
        tags: {},
        metrics: [0, 1, 2, 3].map((step) => ({ key: 'loss', value: 1 / (step + 1), step, timestamp: 1 })),
        artifacts: [
          { name: 'pixel.png', kind: 'image', mimeType: 'image/png', base64: PIXEL },
          { name: 'result.json', kind: 'json', value: { best: { x: 3 }, list: [1, 2] } },
        ],
        trial: null,
      },
    ],
  };
  await openApp(page);
  await showView(page, 'History');
  await page.getByLabel('Import a saved history file (JSON)').setInputFiles({
    name: 'runs.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.getByRole('status', { name: 'Import result' })).toContainText('Imported 1 run');
  await page.goto('/?view=run&id=run-with-image');
  await expect(page.getByRole('heading', { level: 2, name: 'with an image' })).toBeVisible();
  await expect(page.getByText('1 min 30 s')).toBeVisible();
  const image = page.getByRole('img', { name: 'Artifact pixel.png' });
  await expect(image).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await expect(page.getByRole('listitem', { name: 'Artifact pixel.png' })).toContainText('image · ');
  await expect(page.getByLabel('Content of result.json')).toContainText('"best": {');
  await expect(page.getByRole('figure', { name: 'Metric loss by step' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download pixel.png' }).click();
  expect((await download).suggestedFilename()).toBe('pixel.png');

  await page.goto('/?view=run&id=no-such-run');
  const missing = page.getByRole('alert', { name: 'Run not found' });
  await expect(missing).toContainText('No run with the id "no-such-run"');
  await missing.getByRole('link', { name: 'Back to History' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }),
  ).toHaveAttribute('aria-current', 'page');
});
