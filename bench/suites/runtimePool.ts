import type { Page } from '@playwright/test';
import { median, table, type BenchSuite } from '../report';
import { withPreviewBrowser } from '../previewBrowser';

const port = 4392;

const TRIVIAL = 'export default () => 1;';
const SPIN_20MS =
  'export default () => { const end = performance.now() + 20; while (performance.now() < end) {} return 1; };';
const SPIN_FOREVER = 'export default () => { for (;;) {} };';

interface Settings {
  maxEvals: number;
  parallelism: number;
  timeout?: number;
  algo?: string;
}

/** Fills the Objective and Settings regions as a user would. */
async function configure(page: Page, objective: string, s: Settings): Promise<void> {
  await page.getByRole('textbox', { name: 'Objective', exact: true }).fill(objective);
  await page.getByLabel('Language').selectOption('javascript');
  await page.getByLabel('Algorithm').selectOption(s.algo ?? 'rand');
  await page.getByLabel('Max evals').fill(String(s.maxEvals));
  await page.getByLabel('Parallelism').fill(String(s.parallelism));
  await page.getByLabel('Timeout (s)').fill(s.timeout === undefined ? '' : String(s.timeout));
  await page.getByLabel('Per-trial time limit (s)').fill('');
}

/** Runs to the end; returns the driver's own figures from the summary. */
async function run(
  page: Page,
  stopWhenRunning = false,
): Promise<{ elapsedMs: number; stopLatencyMs: number }> {
  await page.getByRole('button', { name: 'Run' }).click();
  if (stopWhenRunning) {
    await page.getByText(/ 2 running now/).waitFor();
    await page.waitForTimeout(200);
    await page.getByRole('button', { name: 'Stop' }).click();
  }
  const summary = page.getByLabel('Run summary');
  await summary.waitFor({ timeout: 120_000 });
  return {
    elapsedMs: Number(await summary.getAttribute('data-elapsed-ms')),
    stopLatencyMs: Number(await summary.getAttribute('data-stop-latency-ms')),
  };
}

/**
 * Records long tasks (>= 50 ms) and the longest gap between animation frames on the page. Only
 * for the long-task run: a requestAnimationFrame loop makes the page paint every frame, which
 * takes CPU from the driver and the trials and would distort the throughput figures.
 */
const OBSERVE_MAIN_THREAD = `
  window.__longest = { task: 0, frameGap: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longest.task = Math.max(window.__longest.task, entry.duration);
  }).observe({ type: 'longtask' });
  let last = performance.now();
  const frame = (now) => { window.__longest.frameGap = Math.max(window.__longest.frameGap, now - last); last = now; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
`;

/**
 * The trial pool in Chromium on the production build, driven through the UI: per-trial overhead,
 * parallel speed-up, Stop and timeout latency, and main-thread long tasks during a big run.
 */
export const runtimePool: BenchSuite = {
  name: 'runtime pool',
  async run() {
    return withPreviewBrowser(port, async (browser, base) => {
      const page = await browser.newPage();
      await page.goto(base);
      await page.getByText('Sandbox ready').waitFor();

      const N = 5000;
      // One warm-up run, so the driver's code is compiled by the JIT before anything is timed.
      await configure(page, TRIVIAL, { maxEvals: 1000, parallelism: 1 });
      await run(page);
      const overhead: Record<number, number[]> = { 1: [], 2: [] };
      for (const parallelism of [1, 2]) {
        await configure(page, TRIVIAL, { maxEvals: N, parallelism });
        for (let i = 0; i < 3; i++) overhead[parallelism]!.push((await run(page)).elapsedMs / N);
      }
      // Long tasks: a fresh page load, then one 5,000-trial run at parallelism 2.
      await page.goto(base);
      await page.getByText('Sandbox ready').waitFor();
      await configure(page, TRIVIAL, { maxEvals: N, parallelism: 2 });
      await page.addScriptTag({ content: OBSERVE_MAIN_THREAD });
      await run(page);
      const longest = await page.evaluate(
        () => (window as unknown as { __longest: { task: number; frameGap: number } }).__longest,
      );

      const serial: number[] = [];
      const parallel: number[] = [];
      for (let i = 0; i < 3; i++) {
        await configure(page, SPIN_20MS, { maxEvals: 100, parallelism: 1 });
        serial.push((await run(page)).elapsedMs);
        await configure(page, SPIN_20MS, { maxEvals: 100, parallelism: 2 });
        parallel.push((await run(page)).elapsedMs);
      }
      const stops: number[] = [];
      const timeouts: number[] = [];
      for (let i = 0; i < 3; i++) {
        await configure(page, SPIN_FOREVER, { maxEvals: 100, parallelism: 2 });
        stops.push((await run(page, true)).stopLatencyMs);
        await configure(page, SPIN_FOREVER, { maxEvals: 100, parallelism: 2, timeout: 1 });
        timeouts.push((await run(page)).stopLatencyMs);
      }
      const ms = (v: number, digits = 3) => `${v.toFixed(digits)} ms`;
      const speedup = median(serial) / median(parallel);
      const task = longest.task === 0 ? 'no task of 50 ms or more' : ms(longest.task, 0);
      return [
        {
          title:
            'Runtime pool: WorkerTrials in the sandbox (Chromium, production build, driven through the UI)',
          body: [
            table(
              ['measure', 'median of 3', 'target'],
              [
                [
                  `time per trial, trivial objective, rand, ${N} trials, parallelism 1`,
                  ms(median(overhead[1]!)),
                  'under 0.2 ms',
                ],
                [
                  `time per trial, trivial objective, rand, ${N} trials, parallelism 2`,
                  ms(median(overhead[2]!)),
                  'under 0.2 ms',
                ],
                [
                  'speed-up of a 20 ms CPU-bound objective, parallelism 2 vs 1 (100 trials, worker start-up included)',
                  `${speedup.toFixed(2)}x`,
                  'at least 1.8x',
                ],
                [
                  'Stop to fmin returning, every worker spinning (parallelism 2)',
                  ms(median(stops), 1),
                  'under 250 ms',
                ],
                [
                  'timeout deadline to fmin returning, every worker spinning',
                  ms(median(timeouts), 1),
                  'under 250 ms',
                ],
                [`longest main-thread task during a ${N}-trial run (longtask observer)`, task, 'under 50 ms'],
                [`longest gap between animation frames in that run`, ms(longest.frameGap, 0), '(context)'],
              ],
            ),
            '',
            `Time per trial is the driver's wall time from starting fmin to fmin returning, divided by the trials: it includes rand's suggestion, fmin's bookkeeping, the round trip to the sandboxed worker and the result's validation, while the page renders progress. Serial runs of the 20 ms objective took ${ms(median(serial), 0)}, parallel ones ${ms(median(parallel), 0)}.`,
          ].join('\n'),
        },
      ];
    });
  },
};
