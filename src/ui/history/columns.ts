/**
 * The columns of the run history: what each shows for a run and the value it sorts by. A parent
 * (an fmin call) shows its autologged settings and its child summary; a child (a trial) its own
 * loss. Values a run does not have are undefined and sort last in either direction.
 */
import { TAG_END_REASON, autologNames } from '../../tracking';
import type { Run } from '../../tracking';
import { formatDuration, formatLoss } from '../results/format';

export type ColumnId =
  'name' | 'status' | 'start' | 'duration' | 'algorithm' | 'parallelism' | 'trials' | 'bestLoss';

export interface Column {
  id: ColumnId;
  label: string;
  /** The value it sorts by; undefined when the run has none. */
  value: (run: Run, now: number) => string | number | undefined;
  /** Right-aligned numbers. */
  numeric: boolean;
}

/** Trials that ran to an end (ok or failed), as the playground counts them. */
export const completedTrials = (run: Run): number => run.children.finished + run.children.failed;

/** Milliseconds from start to end, or to now while it runs. */
export function durationMs(run: Run, now: number): number | undefined {
  if (run.endTime !== null) return Math.max(0, run.endTime - run.startTime);
  return run.status === 'RUNNING' ? Math.max(0, now - run.startTime) : undefined;
}

/** The search algorithm of an fmin run ('tpe' from Hyperopt's 'hyperopt.tpe'). */
export function algorithmOf(run: Run): string | undefined {
  const algo = run.params['algo'];
  return algo === undefined ? undefined : algo.replace(/^hyperopt\./, '');
}

/** Workers that ran trials at once: the actual parallelism fmin used, else the requested one. */
export function parallelismOf(run: Run): number | undefined {
  const raw = run.params['actual_parallelism'] ?? run.params['parallelism'];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/** A parent's best child loss; a child's own loss; else what the run logged as its best. */
export function bestLossOf(run: Run): number | undefined {
  if (run.children.bestLoss !== null) return run.children.bestLoss;
  return run.metrics[autologNames.METRIC_LOSS]?.value ?? run.metrics[autologNames.METRIC_BEST_LOSS]?.value;
}

export const COLUMNS: readonly Column[] = [
  { id: 'name', label: 'Name', numeric: false, value: (r) => r.name.toLowerCase() },
  { id: 'status', label: 'Status', numeric: false, value: (r) => r.status },
  { id: 'start', label: 'Start', numeric: true, value: (r) => r.startTime },
  { id: 'duration', label: 'Duration', numeric: true, value: durationMs },
  { id: 'algorithm', label: 'Algorithm', numeric: false, value: algorithmOf },
  { id: 'parallelism', label: 'Parallelism', numeric: true, value: parallelismOf },
  {
    id: 'trials',
    label: 'Trials',
    numeric: true,
    value: (r) => (r.children.total > 0 ? completedTrials(r) : undefined),
  },
  { id: 'bestLoss', label: 'Best loss', numeric: true, value: bestLossOf },
];

export const columnById = (id: ColumnId): Column => COLUMNS.find((c) => c.id === id)!;

/** The status as a user reads it: KILLED (interrupted), FAILED (parent run ended). */
export function statusText(run: Run): string {
  const reason = run.tags[TAG_END_REASON];
  return reason === undefined ? run.status : `${run.status} (${reason})`;
}

/** A parent's trials: completed, and what is still running or was interrupted. */
export function trialsText(run: Run): string {
  const c = run.children;
  if (c.total === 0) return '';
  const parts = [`${completedTrials(run)}`];
  if (c.failed > 0) parts.push(`${c.failed} failed`);
  if (c.running > 0) parts.push(`${c.running} running`);
  if (c.killed > 0) parts.push(`${c.killed} interrupted`);
  return parts.join(' · ');
}

// Short enough for its column; the cell's title has the full date.
const dateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** The text of a cell (the Name column is drawn by the row itself). */
export function cellText(column: ColumnId, run: Run, now: number): string {
  switch (column) {
    case 'name':
      return run.name;
    case 'status':
      return statusText(run);
    case 'start':
      return dateTime.format(run.startTime);
    case 'duration': {
      const ms = durationMs(run, now);
      return ms === undefined ? '' : formatDuration(ms);
    }
    case 'algorithm':
      return algorithmOf(run) ?? '';
    case 'parallelism':
      return String(parallelismOf(run) ?? '');
    case 'trials':
      return trialsText(run);
    case 'bestLoss': {
      const loss = bestLossOf(run);
      return loss === undefined ? '' : formatLoss(loss);
    }
  }
}
