import { test, expect } from './fixtures';
import { freshPage } from './freshPage';
import { configure, editor, openApp } from './runtimeHelpers';

test('Share makes a link that opens the same playground in a fresh browser, running nothing', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('button', { name: 'Open Branin' }).click();
  await page.getByLabel('Seed').fill('17');
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#p=1\./);
  expect(link.length).toBeLessThan(2000);

  const { context: fresh, page: other, errors } = await freshPage(browser);
  await other.goto(link);
  await expect(other.getByRole('status', { name: 'Sandbox status' })).toHaveText('Sandbox ready');
  await expect(editor(other, 'Objective')).toContainText('Branin-Hoo');
  await expect(editor(other, 'Search space')).toContainText("hp.uniform('x1', -5, 10)");
  await expect(other.getByLabel('Seed')).toHaveValue('17');
  await expect(other.getByLabel('Max evals')).toHaveValue('100');
  // Nothing ran, and the fragment is gone from the address bar.
  await expect(other.getByText('Nothing has run yet')).toBeVisible();
  expect(new URL(other.url()).hash).toBe('');
  await other.getByRole('button', { name: 'Run' }).click();
  await expect(other.getByLabel('Run summary')).toContainText('Total 100', { timeout: 30_000 });
  expect(errors).toEqual([]);
  await fresh.close();
});

test("a link opened over the user's own code asks first and keeps both", async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await configure(page, '// my own work\nexport default () => 1;', { language: 'JavaScript' });
  await page.goto(link);
  const offer = page.getByRole('region', { name: 'Shared playground' });
  await expect(offer).toBeVisible();
  await expect(editor(page, 'Objective')).toContainText('// my own work');
  await offer.getByText('Show the shared code').click();
  await expect(offer.getByLabel('Shared objective')).toContainText('(params.x - 3) ** 2');
  await offer.getByRole('button', { name: 'Open shared playground' }).click();
  await expect(editor(page, 'Objective')).toContainText('(params.x - 3) ** 2');
  await page.getByRole('button', { name: 'Restore previous code' }).click();
  await expect(editor(page, 'Objective')).toContainText('// my own work');
});

for (const [name, fragment, message] of <[string, string, string][]>[
  ['malformed', '#p=1.@@not-base64@@', 'damaged'],
  ['future-version', '#p=7.eJzLSM3JyQcABiwCFQ', 'newer version'],
  ['oversized', `#p=1.${'A'.repeat(17_000)}`, 'over the 16000'],
]) {
  test(`a ${name} link shows a clear message and changes nothing`, async ({ page }) => {
    await openApp(page);
    await configure(page, '// kept\nexport default () => 1;', { language: 'JavaScript', maxEvals: 9 });
    await page.goto(`/${fragment}`);
    const problem = page.getByRole('alert', { name: 'Link problem' });
    await expect(problem).toContainText('This link could not be opened');
    await expect(problem).toContainText(message);
    await expect(problem).toContainText('Nothing was changed.');
    await expect(editor(page, 'Objective')).toContainText('// kept');
    await expect(page.getByLabel('Max evals')).toHaveValue('9');
  });
}

test('a link cut off when copied shows a clear message and changes nothing', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await configure(page, '// kept\nexport default () => 1;', { language: 'JavaScript' });
  await page.goto(link.slice(0, link.length - 40));
  await expect(page.getByRole('alert', { name: 'Link problem' })).toContainText('incomplete');
  await expect(editor(page, 'Objective')).toContainText('// kept');
});
