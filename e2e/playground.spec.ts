import { test, expect } from './fixtures';
import { configure, editor, openApp, runToEnd, setEditor, showView, summaryCounts } from './runtimeHelpers';
import { cell, runRows } from './historyHelpers';

test('first run from the default example: progress bar, summary, best trial, charts and trials', async ({
  page,
}) => {
  await openApp(page);
  await expect(editor(page, 'Search space')).toContainText("hp.uniform('x', -10, 10)");
  await expect(page.getByRole('list', { name: 'Parameters' })).toContainText('uniform on [-10, 10]');
  await runToEnd(page);
  expect(await summaryCounts(page)).toMatchObject({ total: 50, succeeded: 50 });
  const bar = page.getByRole('progressbar', { name: 'Trials done' });
  await expect(bar).toHaveAttribute('aria-valuenow', '50');
  await expect(bar).toHaveAttribute('aria-valuemax', '50');
  const best = page.getByRole('region', { name: 'Best trial' });
  await expect(best.getByLabel('argmin', { exact: true })).toContainText('"x"');
  await expect(best.getByLabel('spaceEval of argmin')).toContainText('"x"');
  await expect(page.getByText('Loss per trial, with the best so far')).toBeVisible();
  await expect(page.getByRole('figure', { name: 'x against loss' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Trials (50)');
  // A trial's detail: its vals and what the objective received, and its logged metric.
  await page.getByRole('rowheader', { name: '3', exact: true }).getByRole('button').click();
  const detail = page.getByRole('region', { name: 'Trial 3 detail' });
  await expect(detail).toContainText('distance');
});

test('a space error is shown at the line of its label', async ({ page }) => {
  await openApp(page);
  await setEditor(
    page,
    'Search space',
    `import { hp } from 'hyperopt';
export default {
  x: hp.uniform('x', -5, 5),
  lr: hp.loguniform('lr', 0, -3),
};`,
  );
  const problem = page.getByRole('alert', { name: 'Search space problem' });
  await expect(problem).toContainText("Line 4: hp.loguniform 'lr'");
  // The editor marks that line.
  await expect(page.locator('.cm-line').nth(3).locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Run' })).toBeDisabled();
  // Fixed: the message goes, the live view shows both parameters.
  await setEditor(
    page,
    'Search space',
    `import { hp } from 'hyperopt';
export default {
  x: hp.uniform('x', -5, 5),
  lr: hp.loguniform('lr', -3, 0),
};`,
  );
  await expect(problem).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: 'Parameter lr' })).toContainText('log-uniform');
});

const SLOW = `export default async function objective(params) {
  await new Promise((resolve) => setTimeout(resolve, 400));
  return params.x ** 2;
}`;

test('the worker timeline shows as many busy workers as the parallelism', async ({ page }) => {
  await openApp(page);
  await configure(page, SLOW, { language: 'JavaScript', maxEvals: 30, parallelism: 3, algo: 'rand' });
  await page.getByRole('button', { name: 'Run' }).click();
  const timeline = page.getByRole('figure', { name: 'Worker timeline' });
  await expect(timeline).toContainText('3 of 3 workers busy now');
  await expect(timeline).toHaveAttribute('data-busy', '3');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByLabel('Run summary')).toContainText('Run ended (stopped)');
  const counts = await summaryCounts(page);
  expect(counts.cancelled).toBeGreaterThan(0);
  expect(counts.total).toBeLessThan(30);
});

test('the draft and the run are there after a reload', async ({ page }) => {
  await openApp(page);
  await configure(page, `// my draft\nexport default (params) => params.x ** 2;`, {
    language: 'JavaScript',
    maxEvals: 7,
    parallelism: 1,
  });
  await runToEnd(page);
  await page.reload();
  await openApp(page);
  await expect(editor(page, 'Objective')).toContainText('// my draft');
  await expect(page.getByLabel('Max evals')).toHaveValue('7');
  await expect(page.getByLabel('Language')).toHaveValue('javascript');
  await showView(page, 'History');
  await expect(cell(runRows(page).first(), 'Trials')).toHaveText('7');
});
