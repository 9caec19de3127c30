import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './fixtures';
import { configure, openApp, runToEnd, summaryCounts, trialRow } from './runtimeHelpers';

let canary: Server;
let requests = 0;
let canaryUrl = '';

test.beforeAll(async () => {
  canary = createServer((_request, response) => {
    requests += 1;
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.end('reached');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => canary.close(resolve));
});

test('the objective cannot read the app storage or reach the network', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.setItem('secret', 'app data'));
  await configure(
    page,
    `const CANARY = ${JSON.stringify(canaryUrl)};
export default async function objective(params, run) {
  if (run.tid === 0) indexedDB.open('app');
  if (run.tid === 1) return localStorage.getItem('secret');
  if (run.tid === 2) await fetch(CANARY + '/fetch');
  if (run.tid === 3) { const xhr = new XMLHttpRequest(); xhr.open('GET', CANARY + '/xhr', false); xhr.send(); }
  if (run.tid === 4) importScripts(CANARY + '/script.js');
  if (run.tid === 5) {
    await new Promise((resolve, reject) => {
      const socket = new WebSocket(CANARY.replace('http', 'ws') + '/socket');
      socket.onopen = () => resolve(1);
      socket.onerror = () => reject(new Error('WebSocket blocked'));
    });
  }
  if (run.tid === 6) new Worker(CANARY + '/worker.js');
  if (run.tid === 7) return eval('1 + 1');
  return 1;
}`,
    { language: 'JavaScript', maxEvals: 8, parallelism: 2 },
  );
  await runToEnd(page);
  expect(await summaryCounts(page)).toMatchObject({ total: 8, failed: 8 });
  await expect(trialRow(page, 0)).toContainText('SecurityError');
  await expect(trialRow(page, 1)).toContainText('localStorage is not defined');
  await expect(trialRow(page, 2)).toContainText('TypeError: Failed to fetch');
  await expect(trialRow(page, 3)).toContainText('NetworkError');
  await expect(trialRow(page, 4)).toContainText('NetworkError');
  await expect(trialRow(page, 5)).toContainText('WebSocket blocked');
  await expect(trialRow(page, 6)).toContainText('SecurityError');
  await expect(trialRow(page, 7)).toContainText('EvalError');
  expect(requests).toBe(0);
  expect(await page.evaluate(() => localStorage.getItem('secret'))).toBe('app data');
});

test('forged messages from the sandbox to the app are ignored', async ({ page }) => {
  await openApp(page);
  await configure(
    page,
    `export default function objective(params, run) {
  // A trial worker can only talk to the sandbox bootstrap, which must ignore it.
  self.postMessage({ t: 'spawned', id: 1 });
  self.postMessage({ t: 'workerError', id: 1, message: 'forged' });
  self.postMessage({ v: 1, runId: 1, events: [{ type: 'runEnded' }] });
  return run.tid;
}`,
    { language: 'JavaScript', maxEvals: 5, parallelism: 1 },
  );
  // A compromised sandbox frame posts forged events and handshakes to the page.
  const sandbox = page.frames().find((frame) => frame !== page.mainFrame());
  expect(sandbox).toBeDefined();
  await sandbox!.evaluate(() => {
    parent.postMessage({ t: 'hyperopt-sandbox-ready', v: 1 }, '*');
    parent.postMessage(
      {
        v: 1,
        runId: 1,
        events: [
          {
            type: 'runEnded',
            stopReason: 'maxEvals',
            summary: { total: 99, succeeded: 99, failed: 0, cancelled: 0 },
            elapsedMs: 1,
          },
        ],
      },
      '*',
    );
  });
  await runToEnd(page);
  expect(await summaryCounts(page)).toMatchObject({ total: 5, succeeded: 5, failed: 0 });
  await expect(trialRow(page, 4)).toContainText('ok');
  // A forged batch after the run is ignored too.
  await sandbox!.evaluate(() =>
    parent.postMessage({ v: 1, runId: 1, events: [{ type: 'trialQueued', tid: 77 }] }, '*'),
  );
  await expect(trialRow(page, 77)).toHaveCount(0);
});

test('the sandbox is an opaque-origin iframe with a strict CSP', async ({ page }) => {
  await openApp(page);
  const iframe = page.locator('iframe.trial-sandbox');
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
  const srcdoc = (await iframe.getAttribute('srcdoc')) ?? '';
  expect(srcdoc).toContain("connect-src 'none'");
  expect(srcdoc).toContain('worker-src blob:');
  expect(srcdoc).toContain("default-src 'none'");
  const origin = await page
    .frames()
    .find((frame) => frame !== page.mainFrame())!
    .evaluate(() => self.origin);
  expect(origin).toBe('null');
});
