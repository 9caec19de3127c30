// `npm test`: typecheck, lint, unit tests (vitest) and e2e tests (Playwright in Chromium).
// Every step runs even when an earlier one fails, so one run shows every problem; the exit code is
// non-zero if any step failed. The last line is the combined count of tests.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  [
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
  ],
  ['e2e', 'node', ['scripts/e2e.mjs']],
];

const failedSteps = [];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const status = spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
  if (status !== 0) failedSteps.push(name);
  console.log(`=== ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`}`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const unit = readJson('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
}
const e2e = readJson('test-results/e2e.json');
if (e2e?.stats) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
  skipped += e2e.stats.skipped;
}
// A failed typecheck or lint counts as one failure each, so the closing line never reads all-green.
failed += failedSteps.filter((step) => step === 'typecheck' || step === 'lint').length;
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
else console.log('\nAll steps passed: typecheck, lint, unit, e2e.');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length > 0 || (passed === 0 && failed === 0) ? 1 : 0);
