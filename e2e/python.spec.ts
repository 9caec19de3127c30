import { readFile } from 'node:fs/promises';
import { seriousViolations } from './axeHelpers';
import { test, expect } from './fixtures';
import { editor, openApp } from './runtimeHelpers';

const NESTED = `from hyperopt import hp
from hyperopt.pyll import scope
import numpy as np

space = {
    "model": hp.choice("model", [
        {"type": "svm", "C": hp.loguniform("svm_C", np.log(1e-3), np.log(1e3))},
        {
            "type": "tree",
            "depth": scope.int(hp.quniform("tree_depth", 2, 12, 1)),
            "criterion": hp.choice("tree_criterion", ["gini", "entropy"]),
        },
    ]),
}`;

test('Export to Python shows the script with the set parallelism, copies it and downloads it', async ({
  page,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await expect(page.getByRole('listitem', { name: 'Parameter x' })).toBeVisible();
  await page.getByLabel('Parallelism').fill('3');
  await page.getByRole('button', { name: 'Export to Python' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export to Python' });
  const script = dialog.getByRole('textbox', { name: 'Python script' });
  await expect(script).toHaveValue(/trials = SparkTrials\(parallelism=3\)/);
  const text = await script.inputValue();
  expect(text).toContain("space = {'x': hp.uniform('x', -10, 10)}");
  expect(text).toContain('with mlflow.start_run():\n    best = fmin(');
  // The default example's objective, in Python.
  expect(text).toContain('loss = (params["x"] - 3) ** 2');
  await expect(script).toHaveAttribute('readonly', '');

  expect(await seriousViolations(page, 'dialog')).toEqual([]);

  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Script copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download hyperopt_search.py' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('hyperopt_search.py');
  expect(await readFile(await file.path(), 'utf8')).toBe(text);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export to Python' })).toBeFocused();
});

test('Import from Python puts the same space in the editor and the live view; the old code is kept', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await expect(page.getByRole('listitem', { name: 'Parameter x' })).toBeVisible();
  await page.getByRole('button', { name: 'Import from Python' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from Python' });
  const box = dialog.getByRole('textbox', { name: 'Python space' });
  expect((await box.boundingBox())!.width).toBeLessThanOrEqual(390);
  await box.fill(NESTED);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();

  const space = editor(page, 'Search space');
  await expect(space).toContainText("model: hp.choice('model', [");
  await expect(space).toContainText("depth: scope.int(hp.quniform('tree_depth', 2, 12, 1))");
  await expect(space).toContainText("C: hp.loguniform('svm_C', Math.log(1e-3), Math.log(1000))");
  const parameters = page.getByRole('list', { name: 'Parameters' }).getByRole('listitem');
  await expect(parameters).toHaveCount(4);
  for (const label of ['model', 'svm_C', 'tree_depth', 'tree_criterion'])
    await expect(page.getByRole('listitem', { name: `Parameter ${label}` })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Parameter tree_criterion' })).toContainText(
    'active when model is',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Restore previous code' }).click();
  await expect(space).toContainText("x: hp.uniform('x', -10, 10)");
  await expect(page.getByRole('listitem', { name: 'Parameter x' })).toBeVisible();
});

test('Import from Python names what it cannot read, where, and changes nothing', async ({ page }) => {
  await openApp(page);
  const space = editor(page, 'Search space');
  const before = await space.innerText();
  await page.getByRole('button', { name: 'Import from Python' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from Python' });
  await dialog
    .getByRole('textbox', { name: 'Python space' })
    .fill("space = {\n    'n': n_estimators,\n    'lr': hp.uniform('lr', 0, 1),\n}");
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'line 2, column 10: variables are not supported (`n_estimators`)',
  );
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(await space.innerText()).toBe(before);
  await expect(page.getByRole('status', { name: 'Previous code kept' })).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: 'Parameter x' })).toBeVisible();
});

test('Learn "Python and the cluster": a pasted space read live, an example as a cluster script', async ({
  page,
}) => {
  await page.goto('/?view=learn&topic=python');
  await expect(page.getByRole('heading', { name: 'Read a Python space' })).toBeVisible();
  const python = page.getByRole('textbox', { name: 'Python space' });
  await expect(python).toHaveValue(/hp\.choice\('classifier_type'/);
  await expect(page.getByRole('listitem', { name: 'Parameter svm_rbf_width' })).toContainText(
    'active when classifier_type is',
  );
  const translated = page.getByRole('textbox', { name: 'The same space in the playground' });
  await expect(translated).toHaveValue(/export default hp\.choice\('classifier_type', \[/);

  await python.fill("space = {'x': hp.uniform('x', 0, 1), 'y': y}");
  await expect(page.getByText('line 1, column 43: variables are not supported (`y`)')).toBeVisible();
  await expect(python).toHaveAttribute('aria-invalid', 'true');
  await python.fill("space = {'x': hp.uniform('x', 0, 1), 'n': scope.int(hp.quniform('n', 1, 9, 1))}");
  await expect(page.getByRole('listitem', { name: 'Parameter n' })).toBeVisible();

  await expect(page.getByLabel('Example', { exact: true })).toHaveValue('iris');
  const script = page.getByRole('textbox', { name: 'Python script' });
  await expect(script).toHaveValue(/RandomForestClassifier\(/);
  await expect(script).toHaveValue(/trials = SparkTrials\(parallelism=\d+\)/);
  await page.getByLabel('Example', { exact: true }).selectOption({ label: 'Branin' });
  await expect(script).toHaveValue(/'x1': hp\.uniform\('x1', -5, 10\)/);

  await page.getByRole('button', { name: 'Open in the playground' }).click();
  await expect(editor(page, 'Search space')).toContainText("n: scope.int(hp.quniform('n', 1, 9, 1))");
  await expect(page.getByRole('listitem', { name: 'Parameter n' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Previous code kept' })).toBeVisible();
});
