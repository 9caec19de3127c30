import type { Browser, BrowserContext, Page } from '@playwright/test';

/**
 * A page in a new browser context (its own storage, as another browser would have) and the console
 * errors it logs: the test fixture watches only the test's own page, so a test checks these itself.
 */
export async function freshPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, errors };
}
