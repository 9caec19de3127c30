import { existsSync } from 'node:fs';

/** Finds Debian's Chromium for the e2e tests, or explains how to install it. */
export function findChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  console.error(
    [
      `The end-to-end tests need Chromium, and none was found at ${path}.`,
      'Install it with:  apt-get install -y chromium',
      '(or point CHROMIUM_PATH at a Chromium binary). Playwright does not download browsers here.',
    ].join('\n'),
  );
  return null;
}
