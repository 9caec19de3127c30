// The production build served by `vite preview` and driven in Debian's Chromium: what every
// in-browser benchmark suite needs around its measurements.
import { spawn, spawnSync } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function waitForServer(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not start at ${url}`);
}

/**
 * Builds the app, serves it on `port`, launches Chromium and hands both to `use`; the server and
 * the browser are always stopped afterwards, whatever `use` does.
 */
export async function withPreviewBrowser<T>(
  port: number,
  use: (browser: Browser, base: string) => Promise<T>,
): Promise<T> {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn(
    'npx',
    ['vite', 'preview', '--strictPort', '--port', String(port), '--host', '127.0.0.1'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  const base = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    await waitForServer(base, Date.now() + 30_000);
    return await use(browser, base);
  } finally {
    await browser.close();
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}
