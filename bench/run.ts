// `npm run bench`: runs every suite and writes bench/report.md. Not part of the test gate; numbers
// on a shared 2-core machine are noisy, so read ratios and medians, not single figures.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { BenchSection, BenchSuite } from './report';
import { coreRandom } from './suites/coreRandom';
import { tpeParallel } from './suites/tpeParallel';
import { tpeQuality } from './suites/tpeQuality';
import { tpeSpeed } from './suites/tpeSpeed';
import { workerRoundTrip } from './suites/workerRoundTrip';
import { runtimePool } from './suites/runtimePool';
import { trackingStore } from './suites/trackingStore';

const suites: BenchSuite[] = [
  coreRandom,
  workerRoundTrip,
  tpeQuality,
  tpeSpeed,
  tpeParallel,
  runtimePool,
  trackingStore,
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
const body = sections.map((section) => `## ${section.title}\n\n${section.body}\n`).join('\n');
writeFileSync(new URL('./report.md', import.meta.url), `${header}\n${body}`);
console.log('bench: wrote bench/report.md');
