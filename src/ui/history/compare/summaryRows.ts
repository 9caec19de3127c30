/**
 * The params/metrics table of the compare view: one column per run, one row per field the runs
 * have (fmin's settings first), and whether the row differs between runs (for "Show differences
 * only"). Values are display text; a field a run lacks is '—'.
 */
import type { Run } from '../../../tracking';
import { formatDuration, formatLoss } from '../../results/format';

export type SummarySection = 'Run' | 'Params' | 'Metrics' | 'Tags';

export interface SummaryRow {
  section: SummarySection;
  label: string;
  values: string[];
  differs: boolean;
}

const MISSING = '—';
/** fmin's params (Databricks' names) in the order a reader compares them. */
const PARAM_ORDER = ['algo', 'max_evals', 'parallelism', 'actual_parallelism', 'timeout', 'max_queue_len'];

const byOrder = (order: readonly string[]) => (a: string, b: string) => {
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  if (ia !== ib) return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib);
  return a.localeCompare(b);
};

function row(section: SummarySection, label: string, values: string[]): SummaryRow {
  return { section, label, values, differs: values.some((v) => v !== values[0]) };
}

function keyed(
  section: SummarySection,
  runs: readonly Run[],
  pick: (run: Run) => Record<string, string>,
  order: readonly string[] = [],
): SummaryRow[] {
  const records = runs.map(pick);
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].sort(byOrder(order));
  return keys.map((key) =>
    row(
      section,
      key,
      records.map((r) => r[key] ?? MISSING),
    ),
  );
}

export function summaryRows(runs: readonly Run[]): SummaryRow[] {
  const each = (f: (run: Run) => string) => runs.map(f);
  return [
    row(
      'Run',
      'Status',
      each((r) => r.status),
    ),
    row(
      'Run',
      'Started',
      each((r) => new Date(r.startTime).toLocaleString()),
    ),
    row(
      'Run',
      'Duration',
      each((r) => (r.endTime === null ? 'running' : formatDuration(r.endTime - r.startTime))),
    ),
    row(
      'Run',
      'Trials',
      each((r) => String(r.children.total)),
    ),
    row(
      'Run',
      'Finished trials',
      each((r) => String(r.children.finished)),
    ),
    row(
      'Run',
      'Failed trials',
      each((r) => String(r.children.failed)),
    ),
    row(
      'Run',
      'Best loss',
      each((r) => formatLoss(r.children.bestLoss ?? undefined)),
    ),
    ...keyed('Params', runs, (r) => r.params, PARAM_ORDER),
    ...keyed('Metrics', runs, (r) =>
      Object.fromEntries(Object.entries(r.metrics).map(([k, m]) => [k, formatLoss(m.value)])),
    ),
    ...keyed('Tags', runs, (r) => r.tags),
  ];
}
