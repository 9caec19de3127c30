import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { median, table, type BenchSuite } from '../report';

const port = 4394;
const url = `http://127.0.0.1:${port}/index.html`;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function waitForServer(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite did not start at ${url}`);
}

/** Calls `window.trackingBench[name](...args)` in the page (as text, so tsx's helpers stay out). */
function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    `window.trackingBench.${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`,
  ) as Promise<T>;
}

async function load(page: Page): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'tracking bench ready', undefined, { timeout: 60_000 });
}

interface Persisted {
  ms: number;
  perSecond: number;
  transactions: number;
  p95DurableMs: number;
  maxDurableMs: number;
  stored: number;
}

const f0 = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/**
 * The run store on real IndexedDB in headless Chromium (a bench-only page, built by vite and
 * served by vite preview): trials persisted per second through FminTracker's batching, and
 * opening and listing a large history. Node's fake-indexeddb is not representative of either.
 */
export const trackingStore: BenchSuite = {
  name: 'tracking store',
  async run() {
    // A production build of the bench page alone, served statically: the store runs as the app's
    // build runs it, and edits elsewhere in the tree cannot reload the page mid-measure.
    const outDir = mkdtempSync(join(tmpdir(), 'tracking-bench-'));
    const build = spawnSync(
      'npx',
      ['vite', 'build', 'bench/tracking', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('vite build of bench/tracking failed');
    const server = spawn(
      'npx',
      [
        'vite',
        'preview',
        'bench/tracking',
        '--outDir',
        outDir,
        '--strictPort',
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
      ],
      {
        stdio: 'ignore',
        detached: true,
      },
    );
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      await waitForServer(Date.now() + 60_000);
      const page = await browser.newPage();
      await load(page);
      const bursts: Persisted[] = [];
      for (let i = 0; i < 3; i++) bursts.push(await call<Persisted>(page, 'persist', 20_000, null));
      const raw: { perSecond: number }[] = [];
      for (let i = 0; i < 3; i++) raw.push(await call(page, 'rawCeiling', 20_000));
      const direct: { perSecond: number }[] = [];
      for (let i = 0; i < 3; i++) direct.push(await call(page, 'writeOnly', 20_000));
      const paced: Persisted[] = [];
      for (let i = 0; i < 3; i++) paced.push(await call<Persisted>(page, 'persist', 15_000, 5_000));
      const seeded = await call<{ ms: number; bigParentId: string; experimentId: string }>(
        page,
        'seed',
        200,
        100_000,
        10_000,
      );
      const lists: {
        openMs: number;
        listMs: number;
        totalMs: number;
        parents: number;
        childTotal: number;
      }[] = [];
      const children: { ms: number; count: number }[] = [];
      for (let i = 0; i < 5; i++) {
        // A fresh document each time: the history is opened as on a page load.
        await load(page);
        lists.push(await call(page, 'openAndList', seeded.experimentId));
        children.push(await call(page, 'loadChildren', seeded.bigParentId));
      }
      const searched = await call<{ ms: number; count: number }>(
        page,
        'search',
        seeded.experimentId,
        "metrics.loss < 0.01 and params.kind = '1'",
      );
      await call(page, 'reset');
      const list = lists[0]!;
      const rows = [
        [
          'trials persisted per second, 20,000 trial ends at once (median of 3)',
          `${f0(median(bursts.map((b) => b.perSecond)))}/s in ${f0(median(bursts.map((b) => b.transactions)))} transactions`,
          'at least 5,000/s',
        ],
        [
          'for reference: store.write of 20,000 fresh child runs in one call, no tracker or batcher (median of 3)',
          `${f0(median(direct.map((r) => r.perSecond)))}/s`,
          'no target',
        ],
        [
          'for reference: raw IndexedDB adds of 20,000 such rows in one transaction, no store code (median of 3)',
          `${f0(median(raw.map((r) => r.perSecond)))}/s`,
          'the ceiling on this machine',
        ],
        [
          'trials persisted per second, arriving at 5,000/s for 3 s (median of 3)',
          `${f0(median(paced.map((b) => b.perSecond)))}/s; p95 time to durable ${f0(median(paced.map((b) => b.p95DurableMs)))} ms, worst ${f0(Math.max(...paced.map((b) => b.maxDurableMs)))} ms`,
          'keeps up (5,000/s)',
        ],
        [
          `open the store and list 200 parents with child summaries (100,000 children in the history; median of 5 page loads)`,
          `${f0(median(lists.map((l) => l.totalMs)))} ms (open ${f0(median(lists.map((l) => l.openMs)))} ms, list ${f0(median(lists.map((l) => l.listMs)))} ms; ${list.parents} parents, ${f0(list.childTotal)} children)`,
          'under 500 ms',
        ],
        [
          "load one parent's 10,000 children (median of 5)",
          `${f0(median(children.map((c) => c.ms)))} ms (${f0(children[0]!.count)} runs)`,
          'under 300 ms',
        ],
        [
          "search 100,000 runs: metrics.loss < 0.01 and params.kind = '1', ordered by loss",
          `${f0(searched.ms)} ms (${searched.count} runs)`,
          'no target',
        ],
        [
          'seeding the history (100,000 children in transactions of 5,000)',
          `${f0(seeded.ms / 1000)} s`,
          'no target',
        ],
      ];
      const stored = bursts.every((b) => b.stored === 20_000) && paced.every((b) => b.stored === 15_000);
      return [
        {
          title: 'Run store: IndexedDB in headless Chromium',
          body: [
            table(['measure', 'result', 'target'], rows),
            '',
            `Every persisted trial was counted in its parent's child summary after the run: ${stored ? 'yes' : 'NO'}. ` +
              'A trial counts as persisted when the transaction holding it has committed (the promise the UI waits for).',
          ].join('\n'),
        },
      ];
    } finally {
      await browser.close();
      if (server.pid) process.kill(-server.pid);
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
