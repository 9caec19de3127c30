// `npm run bench`: runs every suite and writes bench/report.md. Not part of the test gate; numbers
// on a shared 2-core machine are noisy, so read ratios and medians, not single figures.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { BenchSection, BenchSuite } from './report';
import { coreRandom } from './suites/coreRandom';
import { tpeParallel } from './suites/tpeParallel';
import { tpeQuality } from './suites/tpeQuality';
import { tpeSpeed } from './suites/tpeSpeed';
import { workerRoundTrip } from './suites/workerRoundTrip';
import { runtimePool } from './suites/runtimePool';
import { trackingStore } from './suites/trackingStore';
import { bundleSize } from './suites/bundleSize';
import { playgroundSmoothness } from './suites/playgroundSmoothness';
import { historyList } from './suites/historyList';
import { historyPages } from './suites/historyPages';

const suites: BenchSuite[] = [
  coreRandom,
  workerRoundTrip,
  tpeQuality,
  tpeSpeed,
  tpeParallel,
  runtimePool,
  trackingStore,
  bundleSize,
  playgroundSmoothness,
  historyList,
  historyPages,
];
const only = process.argv.slice(2);

const sections: BenchSection[] = [];
for (const suite of suites) {
  if (only.length > 0 && !only.some((name) => suite.name.includes(name))) continue;
  console.log(`bench: ${suite.name}…`);
  const start = Date.now();
  sections.push(...(await suite.run()));
  console.log(`bench: ${suite.name} done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}

const header = [
  '# Benchmark report',
  '',
  `Generated ${new Date().toISOString()} by \`npm run bench\` on Node ${process.version}, ${cpus().length} logical cores.`,
  'Figures are medians unless said otherwise; each stands beside its target.',
  '',
].join('\n');
const reportUrl = new URL('./report.md', import.meta.url);

/** The `## ` sections of an existing report, so that a filtered run replaces only its own. */
function previousSections(): BenchSection[] {
  if (only.length === 0 || !existsSync(reportUrl)) return [];
  const text = readFileSync(reportUrl, 'utf8');
  return text
    .split(/^## /m)
    .slice(1)
    .map((chunk) => {
      const newline = chunk.indexOf('\n');
      return { title: chunk.slice(0, newline), body: chunk.slice(newline + 1).trim() };
    });
}

const fresh = new Map(sections.map((section) => [section.title, section]));
const merged = previousSections().map((section) => fresh.get(section.title) ?? section);
const mergedTitles = new Set(merged.map((section) => section.title));
merged.push(...sections.filter((section) => !mergedTitles.has(section.title)));
const body = merged.map((section) => `## ${section.title}\n\n${section.body}\n`).join('\n');
writeFileSync(reportUrl, `${header}\n${body}`);
console.log('bench: wrote bench/report.md');
