import { defineConfig } from '@playwright/test';

/** Debian's Chromium; `npm run test:e2e` checks it exists before Playwright starts. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4317);
// E2E_PORT, E2E_RESULTS and BUILD_OUT_DIR (vite.config.ts) let several suites run side by side.
const results = process.env.E2E_RESULTS ?? 'test-results';

export default defineConfig({
  testDir: 'e2e',
  outputDir: `${results}/e2e`,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: `${results}/e2e.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  // The production build (made by scripts/e2e.mjs) served exactly as `npm start` serves it.
  webServer: {
    command: `npx vite preview --strictPort --port ${port} --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
