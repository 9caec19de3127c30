/**
 * Seeding a large run history and timing the History list, shared by the performance e2e
 * (e2e/historyPerf.spec.ts) and the bench suite (bench/suites/historyList.ts).
 *
 * Seeding writes rows straight into the app's IndexedDB in the page, in the store's current row
 * format (src/tracking/db/rows.ts, version 2, with each parent's child summary filled in), because
 * going through the store's API costs ~17 s per 100,000 runs (bench report) and the test is about
 * reading, not writing. The app decodes every row it lists (decodeRunRow), so a row this seeder
 * got wrong fails the test rather than passing silently.
 *
 * The browser-side code is kept as source text: the bench runs under tsx, whose helpers must not
 * leak into functions serialised into the page.
 */
import type { Page } from '@playwright/test';

const SEED = `async ({ parents, children, dims = 1 }) => {
  const started = performance.now();
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('hyperopt-playground-tracking');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const done = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const readExperiment = () => new Promise((resolve, reject) => {
    const request = db.transaction('experiments').objectStore('experiments').index('byName').get('Default');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  // The app creates its Default experiment just after opening the store.
  let experiment = await readExperiment();
  for (let tries = 0; !experiment && tries < 100; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    experiment = await readExperiment();
  }
  if (!experiment) throw new Error('open the app first: it creates the Default experiment');
  const hex = (n) => n.toString(16).padStart(8, '0');
  const base = Date.now() - parents * 3_600_000;
  for (let p = 0; p < parents; p++) {
    const pid = 'feed' + hex(p) + '0'.repeat(20);
    const startTime = base + p * 3_600_000;
    const tx = db.transaction('runs', 'readwrite');
    const runs = tx.objectStore('runs');
    let bestLoss = Infinity;
    let bestRunId = null;
    for (let tid = 0; tid < children; tid++) {
      const id = 'c0de' + hex(p) + hex(tid) + '0'.repeat(12);
      const x = Math.sin(p * 7919 + tid * 104729) * 10;
      // More hyperparameters (dims > 1): x1, x2, … in [0, 1], each mattering less than the last.
      const vals = { x };
      let loss = (x - 3) ** 2;
      for (let d = 1; d < dims; d++) {
        const v = Math.abs(Math.sin(p * 31 + tid * 7907 + d * 1013));
        vals['x' + d] = v;
        loss += ((v - 0.5) ** 2) / d;
      }
      if (loss < bestLoss) { bestLoss = loss; bestRunId = id; }
      const at = startTime + tid * 10;
      runs.add({
        v: 2, id, experimentId: experiment.id, parent: pid, name: 'trial ' + tid, status: 'FINISHED',
        startTime: at, endTime: at + 5,
        params: Object.fromEntries(Object.entries(vals).map(([k, v]) => [k, String(v)])),
        tags: { 'mlflow.parentRunId': pid, fmin_uuid: hex(p), runSource: 'hyperoptAutoTracking', trial_status: 'success' },
        metrics: { loss: { value: loss, step: 0, timestamp: at + 5 } },
        metricSeq: 0, impliedMetrics: ['loss'], artifacts: [],
        children: { total: 0, running: 0, finished: 0, failed: 0, killed: 0, bestLoss: null, bestRunId: null },
        trial: { tid, vals, outcome: 'ok', loss, durationMs: 5, error: null, result: null },
        heartbeatAt: null,
      });
    }
    const endTime = startTime + children * 10 + 5;
    runs.add({
      v: 2, id: pid, experimentId: experiment.id, parent: '', root: [experiment.id, startTime],
      name: 'fmin ' + hex(p), status: 'FINISHED', startTime, endTime,
      params: { max_evals: String(children), actual_parallelism: '4', parallelism: '4', timeout: 'None', algo: p % 2 ? 'hyperopt.tpe' : 'hyperopt.rand', max_queue_len: '1' },
      tags: { runSource: 'hyperoptAutoTracking', fmin_uuid: hex(p), space: '{"x": "hp.uniform(x, -10, 10)"}' },
      metrics: {
        best_trial_loss: { value: bestLoss, step: 0, timestamp: endTime },
        total_trials_count: { value: children, step: 0, timestamp: endTime },
      },
      metricSeq: 0, impliedMetrics: ['best_trial_loss', 'total_trials_count'], artifacts: [],
      children: { total: children, running: 0, finished: children, failed: 0, killed: 0, bestLoss, bestRunId },
      trial: null, heartbeatAt: null,
    });
    await done(tx);
  }
  db.close();
  return { ms: performance.now() - started };
}`;

/**
 * Adds `parents` finished fmin runs of `children` trials each to the open app's history, each trial
 * with `dims` hyperparameters (x, then x1, x2, …).
 */
export async function seedHistory(
  page: Page,
  parents: number,
  children: number,
  dims = 1,
): Promise<{ ms: number }> {
  return (await page.evaluate(`(${SEED})(${JSON.stringify({ parents, children, dims })})`)) as {
    ms: number;
  };
}

/** The id seedHistory gives its `index`-th parent run. */
export const seededParentId = (index: number) =>
  `feed${index.toString(16).padStart(8, '0')}${'0'.repeat(20)}`;

/**
 * Clicks the History link (in the page, so no driver latency counts) and times until the first
 * parent row is in the document, and until the frame after that (it is painted).
 */
const OPEN = `new Promise((resolve, reject) => {
  const found = () => document.querySelector('[role="treegrid"] tbody tr[aria-level="1"]');
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    const domMs = performance.now() - t0;
    requestAnimationFrame(() => setTimeout(() => resolve({ domMs, paintedMs: performance.now() - t0 }), 0));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === 'History');
  if (!link) return reject(new Error('no History link'));
  link.click();
  setTimeout(() => reject(new Error('no run row after 20 s')), 20_000);
})`;

/** Waits until the app has loaded the History chunk, which it does once the page is idle. */
export async function historyChunkLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    "performance.getEntriesByType('resource').some((e) => /HistoryView-[^/]*\\.js$/.test(e.name))",
  );
  // The module evaluates just after its file arrives (later on a busy machine).
  await page.waitForTimeout(500);
}

const WATCH = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[role="treegrid"] tbody tr[aria-level="1"]')) return;
    observer.disconnect();
    window.__historyFirstRow = performance.now();
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true }));
})()`;

/** Loads the page at ?view=history and times from navigation start to the first parent row. */
export async function loadHistoryTimed(page: Page, base = '/'): Promise<number> {
  await page.addInitScript(WATCH);
  await page.goto(`${base}?view=history`);
  await page.waitForFunction('window.__historyFirstRow !== undefined', undefined, { timeout: 30_000 });
  return (await page.evaluate('window.__historyFirstRow')) as number;
}

export interface OpenTiming {
  /** Click to the first parent row in the DOM. */
  domMs: number;
  /** Click to the frame after it (painted). */
  paintedMs: number;
}

/** Opens History from the playground and times its first render. */
export async function openHistoryTimed(page: Page): Promise<OpenTiming> {
  return (await page.evaluate(OPEN)) as OpenTiming;
}

/**
 * Clicks a button in the page and times until `selector` matches an element (checked after every
 * DOM change).
 */
export async function clickTimed(page: Page, buttonLabel: string, selector: string): Promise<number> {
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const selector = ${JSON.stringify(selector)};
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      resolve(performance.now() - t0);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const button = document.querySelector('button[aria-label=' + JSON.stringify(${JSON.stringify(buttonLabel)}) + ']');
    if (!button) return reject(new Error('no button ' + ${JSON.stringify(buttonLabel)}));
    button.click();
    setTimeout(() => reject(new Error('timed out waiting for ' + selector)), 30_000);
  })`)) as number;
}
