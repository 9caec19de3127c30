import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openNewestRun } from './historyHelpers';
import { configure, openApp, runToEnd } from './runtimeHelpers';

const actions = (page: Page) => page.getByRole('toolbar', { name: 'Run actions' });
const explainLink = (page: Page) => actions(page).getByRole('link', { name: 'How TPE chose this' });
const replayed = (page: Page) => page.getByRole('status').filter({ hasText: 'Replayed' });

test('History → a stored TPE run → a trial → "How TPE chose this" replays exactly that trial', async ({
  page,
}) => {
  await openApp(page);
  await configure(page, 'export default (p) => (p.x - 1) ** 2;', { maxEvals: 30, language: 'JavaScript' });
  await page.getByLabel('Seed').fill('7');
  await runToEnd(page);
  await openNewestRun(page);

  // The parent's link opens the stored run in the topic.
  await expect(explainLink(page)).toBeVisible();
  const trials = page.getByRole('region', { name: 'Trials table' });
  // Newest first, so a trial of TPE's model phase (past the 20 random startup trials) is in view.
  await trials.getByRole('button', { name: 'Trial', exact: true }).click();
  await expect(trials.getByRole('caption')).toContainText('by trial descending');
  await trials.getByRole('button', { name: '25', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'trial 25' })).toBeVisible();

  await explainLink(page).click();
  await expect(page).toHaveURL(/view=learn&topic=tpe-explain&source=history&run=[^&]+&trial=25/);
  await expect(page.getByRole('combobox', { name: 'Run' })).toHaveValue('history');
  // The playground runs 2 trials at a time by default: the replay holds for a pool too.
  await expect(page.getByText(/The stored run ".+": 30 trials of TPE, 2 trials at a time/)).toBeVisible();
  await expect(replayed(page)).toContainText('this is exactly the value trial 25 got (x = ');
  await page.getByRole('button', { name: 'Next trial' }).click();
  await expect(replayed(page)).toContainText('this is exactly the value trial 26 got (x = ');

  // A link to a trial the run does not have says so.
  await page.goto(page.url().replace('trial=26', 'trial=30'));
  await expect(page.getByRole('alert')).toContainText('Trial 30 is not in this run.');
});

test('a run recorded without what TPE needs (random search) offers no "How TPE chose this"', async ({
  page,
}) => {
  await openApp(page);
  await configure(page, 'export default (p) => p.x ** 2;', {
    maxEvals: 3,
    language: 'JavaScript',
    algo: 'rand',
  });
  await runToEnd(page);
  await openNewestRun(page);
  const parentId = new URL(page.url()).searchParams.get('id');
  await expect(actions(page).getByRole('button').first()).toBeVisible();
  await expect(explainLink(page)).toHaveCount(0);
  await page
    .getByRole('region', { name: 'Trials table' })
    .getByRole('button', { name: '1', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'trial 1' })).toBeVisible();
  await expect(explainLink(page)).toHaveCount(0);

  // Opened by address anyway, the topic says why.
  await page.goto(`/?view=learn&topic=tpe-explain&source=history&run=${parentId}`);
  await expect(page.getByRole('alert')).toContainText('This run used rand, not TPE');
});
