/**
 * Timing the run page and the compare view over large runs, shared by the performance e2e
 * (e2e/historyPagesPerf.spec.ts) and the bench suite (bench/suites/historyPages.ts). Runs are
 * seeded with seedHistory (e2e/historyPerf.ts).
 *
 * Navigation happens in the page (pushState and the popstate the app listens to), so the times
 * are the app's own: no page load, no driver latency. The browser-side code is source text, as in
 * historyPerf.ts (the bench runs under tsx, whose helpers must not leak into the page).
 */
import type { Page } from '@playwright/test';

/** What a run page shows, by selector: the times below are until each first matches. */
export const RUN_PAGE_MARKS = {
  heading: 'main.run-page h2',
  table: '[aria-label="Trials table"] tbody tr',
  charts: 'figure.chart path.mark-circle',
} as const;

/** What the compare view shows, by selector. */
export const COMPARE_MARKS = {
  legend: 'ul[aria-label="Compared runs"]',
  trials: '.region-compare-trials canvas',
  importance: 'table[aria-label="Parameter importance"]',
} as const;

const NAVIGATE = `({ url, marks }) => new Promise((resolve, reject) => {
  const times = {};
  const t0 = performance.now();
  const check = () => {
    for (const [name, selector] of Object.entries(marks))
      if (times[name] === undefined && document.querySelector(selector)) times[name] = performance.now() - t0;
    if (Object.keys(times).length < Object.keys(marks).length) return;
    observer.disconnect();
    resolve(times);
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
  setTimeout(() => reject(new Error('not all of ' + Object.keys(marks).join(', ') + ' after 60 s: ' + JSON.stringify(times))), 60_000);
})`;

/**
 * Navigates the app (already open) to `url` and returns, for each mark, the milliseconds until its
 * selector first matched.
 */
export async function navigateTimed<K extends string>(
  page: Page,
  url: string,
  marks: Readonly<Record<K, string>>,
): Promise<Record<K, number>> {
  return (await page.evaluate(`(${NAVIGATE})(${JSON.stringify({ url, marks })})`)) as Record<K, number>;
}

/** The app's URL of the run page of `id`, and of the compare view of `ids`. */
export const runPageUrl = (id: string) => `?view=run&id=${id}`;
export const compareUrl = (ids: readonly string[]) => `?view=compare&ids=${ids.join(',')}`;
