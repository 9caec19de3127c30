import { median, table, type BenchSuite } from '../report';
import { withPreviewBrowser } from '../previewBrowser';

const port = 4391;

/**
 * Comlink round trips to the driver module worker in Chromium, on the production build: the time to
 * a ready driver when the page loads, and the latency of repeated `hello` calls.
 */
export const workerRoundTrip: BenchSuite = {
  name: 'worker round trip',
  async run() {
    return withPreviewBrowser(port, async (browser, base) => {
      const page = await browser.newPage();
      // tsx compiles page.evaluate callbacks with esbuild's keepNames helper; give the page that helper.
      await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      const loads: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = Date.now();
        await page.goto(base);
        await page.getByText('Driver worker ready').waitFor();
        loads.push(Date.now() - start);
      }
      // Repeated calls on a fresh worker of the built asset, speaking Comlink's wire format directly.
      const calls: number = await page.evaluate(async (count: number) => {
        const url = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .find((name) => name.includes('driver.worker'));
        if (!url) throw new Error('driver worker asset not found');
        const worker = new Worker(url, { type: 'module' });
        const call = (id: number) =>
          new Promise<void>((resolve) => {
            const onMessage = (event: MessageEvent<{ id?: number }>) => {
              if (event.data.id !== id) return;
              worker.removeEventListener('message', onMessage);
              resolve();
            };
            worker.addEventListener('message', onMessage);
            worker.postMessage({
              id,
              type: 'APPLY',
              path: ['hello'],
              argumentList: [{ type: 'RAW', value: 1 }],
            });
          });
        await call(-1);
        // One batch timed as a whole: the page's clock is coarsened to 0.1 ms without cross-origin isolation.
        const start = performance.now();
        for (let i = 0; i < count; i++) await call(i);
        const perCall = (performance.now() - start) / count;
        worker.terminate();
        return perCall;
      }, 2000);
      return [
        {
          title: 'Driver worker: Comlink round trip (Chromium, production build)',
          body: table(
            ['measure', 'median', 'target'],
            [
              ['page load to driver ready (5 loads)', `${median(loads).toFixed(0)} ms`, 'under 1,000 ms'],
              ['one `hello` call (mean of 2,000 sequential calls)', `${calls.toFixed(3)} ms`, 'under 1 ms'],
            ],
          ),
        },
      ];
    });
  },
};
