/**
 * Child runs as CSV (RFC 4180): one row per run, columns for the run's attributes, then every
 * param, latest metric and tag any of the runs has (`params.x`, `metrics.y`, `tags.z`).
 *
 * Cells with a comma, quote, CR or LF are quoted with quotes doubled. Text cells that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR, and not a number) get a leading
 * apostrophe: objective output is untrusted data, and opening an export must not run it.
 */
import type { Run } from '../types';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field. */
export function csvField(value: string | number | null | undefined, text = true): string {
  if (value === null || value === undefined) return '';
  let cell = typeof value === 'number' ? String(value) : value;
  if (
    text &&
    typeof value === 'string' &&
    FORMULA_START.test(cell) &&
    !Number.isFinite(Number(cell.trim() || 'x'))
  )
    cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** The runs as CSV text, CRLF line ends. */
export function runsToCsv(runs: readonly Run[]): string {
  const keys = (pick: (r: Run) => object) => [...new Set(runs.flatMap((r) => Object.keys(pick(r))))].sort();
  const params = keys((r) => r.params);
  const metrics = keys((r) => r.metrics);
  const tags = keys((r) => r.tags);
  const header = [
    'run_id',
    'run_name',
    'status',
    'start_time',
    'end_time',
    'tid',
    ...params.map((k) => `params.${k}`),
    ...metrics.map((k) => `metrics.${k}`),
    ...tags.map((k) => `tags.${k}`),
  ];
  const lines = [header.map((h) => csvField(h)).join(',')];
  for (const run of runs) {
    lines.push(
      [
        csvField(run.id),
        csvField(run.name),
        csvField(run.status),
        csvField(iso(run.startTime)),
        csvField(iso(run.endTime)),
        csvField(run.trial?.tid),
        ...params.map((k) => csvField(run.params[k])),
        ...metrics.map((k) => csvField(run.metrics[k]?.value)),
        ...tags.map((k) => csvField(run.tags[k])),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** A parent's child runs as CSV, in trial order. */
export async function childRunsCsv(
  store: { listRuns(q: { parentRunId: string }): Promise<Run[]> },
  parentRunId: string,
): Promise<string> {
  const runs = await store.listRuns({ parentRunId });
  runs.sort((a, b) => (a.trial?.tid ?? Infinity) - (b.trial?.tid ?? Infinity) || a.startTime - b.startTime);
  return runsToCsv(runs);
}
