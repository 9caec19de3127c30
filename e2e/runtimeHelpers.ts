import { expect, type Page } from '@playwright/test';

/** Settings as the Settings region's labelled inputs take them (text, as a user types). */
export interface RunSettings {
  algo?: string;
  maxEvals?: number;
  trials?: 'Trials' | 'WorkerTrials';
  parallelism?: number | '';
  timeout?: number | '';
  perTrial?: number | '';
  language?: 'TypeScript' | 'JavaScript';
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Sandbox status' })).toHaveText('Sandbox ready');
}

/** One of the two code editors (CodeMirror), by its accessible name: 'Search space' or 'Objective'. */
export function editor(page: Page, name: 'Search space' | 'Objective') {
  return page.getByRole('textbox', { name, exact: true });
}

/** Replaces an editor's text as a paste would (CodeMirror reads the DOM input). */
export async function setEditor(page: Page, name: 'Search space' | 'Objective', text: string): Promise<void> {
  const box = editor(page, name);
  await box.fill(text);
  await expect(box).toHaveText(text.replace(/\n/g, ''), { useInnerText: false });
}

export async function configure(page: Page, objective: string, settings: RunSettings = {}): Promise<void> {
  await setEditor(page, 'Objective', objective);
  if (settings.language !== undefined)
    await page.getByLabel('Language').selectOption({ label: settings.language });
  if (settings.algo !== undefined) await page.getByLabel('Algorithm').selectOption(settings.algo);
  if (settings.trials !== undefined)
    await page.getByLabel('Trials', { exact: true }).selectOption(settings.trials);
  if (settings.maxEvals !== undefined) await page.getByLabel('Max evals').fill(String(settings.maxEvals));
  if (settings.parallelism !== undefined)
    await page.getByLabel('Parallelism').fill(String(settings.parallelism));
  if (settings.timeout !== undefined) await page.getByLabel('Timeout (s)').fill(String(settings.timeout));
  if (settings.perTrial !== undefined)
    await page.getByLabel('Per-trial time limit (s)').fill(String(settings.perTrial));
}

/** Clicks Run and waits for the end summary. */
export async function runToEnd(page: Page, timeout = 20_000): Promise<void> {
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByLabel('Run summary')).toBeVisible({ timeout });
}

/** The end summary's counts. */
export async function summaryCounts(page: Page) {
  const text = await page.getByLabel('Run summary').innerText();
  const count = (name: string) => Number(new RegExp(`${name} (\\d+)`, 'i').exec(text)?.[1] ?? NaN);
  return {
    total: count('Total'),
    succeeded: count('succeeded'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    text,
  };
}

/** The trials table row of one trial. */
export function trialRow(page: Page, tid: number) {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: String(tid), exact: true }) });
}

/** Switches the app to a main view with its navigation link, as a user would. */
export async function showView(page: Page, name: 'Playground' | 'History'): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}
