/**
 * The charts' series, computed from the run's rows (pure, so it is unit-tested and cheap to
 * throttle): every series is cut to a bounded number of points by minMaxBuckets.
 */
import type { TrialRow } from '../../runtime/run/progress';
import { MAX_POINTS, minMaxBuckets } from './downsample';

export interface LossPoint {
  tid: number;
  loss: number;
  /** Best loss among ok trials up to this one (tid order). */
  best: number;
}

export interface MarkPoint {
  tid: number;
  /** Where the mark is drawn: the top of the loss axis (failed trials have no loss). */
  loss: number;
  status: 'failed' | 'cancelled';
}

export interface LossSeries {
  ok: LossPoint[];
  best: { tid: number; best: number }[];
  marks: MarkPoint[];
  /** Log scale is offered only when every loss is positive. */
  positive: boolean;
  total: number;
}

export function lossSeries(rows: readonly TrialRow[]): LossSeries {
  const ok: LossPoint[] = [];
  const bestLine: { tid: number; best: number }[] = [];
  const failed: { tid: number; status: 'failed' | 'cancelled' }[] = [];
  let best = Infinity;
  let top = -Infinity;
  let positive = true;
  for (const row of rows) {
    if (row.status === 'ok' && row.loss !== undefined) {
      if (row.loss < best) {
        best = row.loss;
        bestLine.push({ tid: row.tid, best });
      }
      if (row.loss > top) top = row.loss;
      if (row.loss <= 0) positive = false;
      ok.push({ tid: row.tid, loss: row.loss, best });
    } else if (row.status === 'failed' || row.status === 'cancelled') {
      failed.push({ tid: row.tid, status: row.status });
    }
  }
  const last = ok[ok.length - 1];
  if (last !== undefined && bestLine[bestLine.length - 1]?.tid !== last.tid)
    bestLine.push({ tid: last.tid, best });
  const markAt = Number.isFinite(top) ? top : 1;
  return {
    ok: minMaxBuckets(ok, (p) => p.loss),
    best: minMaxBuckets(bestLine, (p) => p.best),
    marks: minMaxBuckets(
      failed.map((f) => ({ ...f, loss: markAt })),
      (p) => p.tid,
      MAX_POINTS / 2,
    ),
    positive,
    total: rows.length,
  };
}

export interface ParamPoint {
  tid: number;
  value: number;
  loss: number;
}

/** One parameter's value against loss and trial number, over ok trials where it was active. */
export function paramSeries(rows: readonly TrialRow[], label: string): ParamPoint[] {
  const points: ParamPoint[] = [];
  for (const row of rows) {
    const value = row.vals?.[label];
    if (row.status === 'ok' && row.loss !== undefined && value !== undefined)
      points.push({ tid: row.tid, value, loss: row.loss });
  }
  return minMaxBuckets(points, (p) => p.loss);
}

export interface Lane {
  slot: number;
  /** [start, end, status] in ms since the run started; running trials end at `now`. */
  spans: [number, number, TrialRow['status']][];
  busy: boolean;
}

/**
 * The pool's timeline: one lane per worker slot. Spans shorter than `resolutionMs` that touch the
 * previous span of the same status are merged, so 10,000 fast trials draw as a few hundred shapes.
 */
export function timeline(
  rows: readonly TrialRow[],
  lanes: number,
  now: number,
  resolutionMs: number,
): Lane[] {
  const out: Lane[] = Array.from({ length: lanes }, (_, slot) => ({ slot, spans: [], busy: false }));
  for (const row of rows) {
    if (row.slot === undefined || row.startedAt === undefined) continue;
    const lane = out[row.slot] ?? (out[row.slot] = { slot: row.slot, spans: [], busy: false });
    const end = row.endedAt ?? now;
    if (row.status === 'running') lane.busy = true;
    const previous = lane.spans[lane.spans.length - 1];
    if (previous !== undefined && previous[2] === row.status && row.startedAt - previous[1] < resolutionMs) {
      previous[1] = Math.max(previous[1], end);
    } else {
      lane.spans.push([row.startedAt, end, row.status]);
    }
  }
  return out.filter((lane): lane is Lane => lane !== undefined);
}
