// Initial JavaScript of the production build (gzip): what the page needs before its first paint,
// beside the 350 KB target, then what starts with it (the workers) and what loads lazily.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { table, type BenchSuite } from '../report';

/** The budget for the initial load, gzip. */
const TARGET_KB = 350;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** What each chunk holds (Vite names a shared chunk after its first module). */
const HOLDS: [RegExp, string][] = [
  [/^assets\/index/, 'React, the app shell, the playground'],
  [/CodeMirrorEditor/, 'CodeMirror 6 and the editors'],
  [/RunCharts/, 'the run charts'],
  [/MetricCurves/, "a trial's metric curves"],
  [/CartesianChart|LineChart/, 'recharts (shared by the chart chunks)'],
  [/shareCodec/, 'fflate and the share link codec'],
  [/driver\.worker/, 'fmin, the algorithms, the pool (driver worker)'],
  [/lab\.worker/, 'the lab and race simulator (Learn)'],
  [/trial-worker/, 'the trial runtime and curated ML libraries (sandbox)'],
  [/HistoryView|RunPage|CompareView|RunLink|OpenInPlayground|BestSoFarChart/, 'History views'],
  [/LearnView|Topic|LabCharts|RaceCharts|BandChart|catalog|^assets\/lab[.-]/, 'Learn views'],
  [/python|ExportPanel|ImportPanel|spaceToTypeScript/, 'Python export and import'],
  [/^assets\/(core|options|hp|document)[.-]/, 'core: space, algorithms'],
  [/trackingContext/, 'tracking: the run store'],
];
const holds = (file: string) => HOLDS.find(([re]) => re.test(file))?.[1] ?? 'shared modules';

export const bundleSize: BenchSuite = {
  name: 'bundleSize',
  async run() {
    const out = mkdtempSync(join(tmpdir(), 'hyperopt-bundle-'));
    try {
      const built = spawnSync(
        'npx',
        ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
        {
          stdio: 'inherit',
        },
      );
      if (built.status !== 0) throw new Error('bundleSize: vite build failed');
      const html = readFileSync(join(out, 'index.html'), 'utf8');
      // The entry and the chunks it imports statically (Vite lists those as modulepreload links).
      const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
      const assets = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
      const size = (file: string) => {
        const bytes = readFileSync(join(out, file));
        return { raw: bytes.length, gzip: gzipSync(bytes).length };
      };
      const rows: (string | number)[][] = [];
      let initialGzip = 0;
      for (const file of initial) {
        const s = size(file);
        initialGzip += s.gzip;
        rows.push([
          `\`${file.replace(/-[\w-]{8}\.js$/, '.js')}\``,
          holds(file),
          'initial (page)',
          kb(s.raw),
          kb(s.gzip),
        ]);
      }
      let workersGzip = 0;
      for (const file of assets.map((f) => `assets/${f}`).filter((f) => !initial.includes(f))) {
        const s = size(file);
        const worker = /driver\.worker|trial-worker/.test(file);
        if (worker) workersGzip += s.gzip;
        rows.push([
          `\`${file.replace(/-[\w-]{8}\.js$/, '.js')}\``,
          holds(file),
          worker ? 'at start (worker)' : 'lazy',
          kb(s.raw),
          kb(s.gzip),
        ]);
      }
      const body = [
        `Initial JavaScript of the page (entry and its static imports), gzip: **${kb(initialGzip)} KB** (target < ${TARGET_KB} KB: ${initialGzip / 1024 < TARGET_KB ? 'met' : 'NOT met'}).`,
        `With the two workers that start beside it (driver, trial worker bundle): ${kb(initialGzip + workersGzip)} KB.`,
        'CodeMirror (the editors), recharts (the charts) and the share codec load lazily, after the first paint.',
        '',
        table(['file', 'holds', 'loaded', 'raw KB', 'gzip KB'], rows),
      ].join('\n');
      return [{ title: 'Bundle size (production build)', body }];
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
};
