/**
 * A parent run's stored trials in the shapes the live view draws (the runtime's RunView and
 * TrialRow), so the run page reuses the live charts and trials table unchanged. Pure.
 *
 * The store does not keep which pool slot ran a trial, so the worker timeline's lanes are rebuilt
 * from the children's start and end times: each trial takes the lowest lane free when it started.
 * That gives the same busy periods with the fewest lanes the times allow (never more than the
 * run's parallelism when the times are exact).
 */
import type { RunView, TrialRow, TrialStatus } from '../../../runtime/run/progress';
import { TAG_END_REASON, autologNames } from '../../../tracking';
import type { Run } from '../../../tracking';

export interface StoredTrials {
  view: RunView;
  /** Hyperparameter labels, in the order the trials first show them. */
  labels: string[];
  /** The child run behind each row. */
  childIdByTid: ReadonlyMap<number, string>;
  /** Milliseconds from the parent's start to its end (or `now` while it runs). */
  elapsedMs: number;
  /** Children without a trial record (logged by hand, not by fmin). */
  otherChildren: Run[];
}

function statusOf(child: Run): TrialStatus {
  const outcome = child.trial!.outcome;
  if (outcome !== 'running') return outcome;
  // A trial that never reported an end under an ended run was cut short (killed, interrupted).
  return child.status === 'RUNNING' ? 'running' : 'cancelled';
}

function errorOf(child: Run, status: TrialStatus): TrialRow['error'] {
  const error = child.trial!.error;
  if (error !== null) return { type: error.type, message: error.message };
  if (status === 'cancelled')
    return { type: 'Cancelled', message: child.tags[TAG_END_REASON] ?? 'the trial did not finish' };
  return undefined;
}

/** Latest metric values as the live rows carry them (`loss` has its own column there). */
function logOf(child: Run): TrialRow['run'] {
  const metrics = Object.entries(child.metrics)
    .filter(([key]) => key !== autologNames.METRIC_LOSS)
    .map(([key, m]) => ({ key, value: m.value, step: m.step, timestamp: m.timestamp }));
  return { params: child.params, metrics, tags: child.tags, artifacts: [], logs: [] };
}

/** A positive integer param or tag ("None" and anything else: undefined). */
function intParam(params: Record<string, string>, key: string): number | undefined {
  const value = Number(params[key]);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * A lane per row (-1 for rows without a start): greedy by start time, lowest free lane first. With
 * `most` lanes taken and none free (times recorded coarsely, as older runs have them), the one that
 * frees first: the timeline never shows more workers than the run had.
 */
function assignLanes(rows: { startedAt?: number; endedAt?: number }[], now: number, most: number): number[] {
  const order = rows
    .map((_, i) => i)
    .filter((i) => rows[i]!.startedAt !== undefined)
    .sort((a, b) => rows[a]!.startedAt! - rows[b]!.startedAt! || a - b);
  const lanesEnd: number[] = [];
  const lane: number[] = new Array<number>(rows.length).fill(-1);
  for (const i of order) {
    const start = rows[i]!.startedAt!;
    let free = lanesEnd.findIndex((end) => end <= start);
    if (free < 0 && lanesEnd.length < most) free = lanesEnd.push(0) - 1;
    if (free < 0) free = lanesEnd.indexOf(Math.min(...lanesEnd));
    lanesEnd[free] = rows[i]!.endedAt ?? now;
    lane[i] = free;
  }
  return lane;
}

/** The trials of `parent` from its `children` (any order), as of `now` (epoch ms). */
export function storedTrials(parent: Run, children: readonly Run[], now: number): StoredTrials {
  const byTid = new Map<number, Run>();
  const otherChildren: Run[] = [];
  for (const child of children) {
    if (child.trial === null) {
      otherChildren.push(child);
      continue;
    }
    // One row per tid (the table is keyed by it): a later fmin in the same run wins.
    const seen = byTid.get(child.trial.tid);
    if (seen === undefined || seen.startTime <= child.startTime) byTid.set(child.trial.tid, child);
  }
  const sorted = [...byTid.values()].sort((a, b) => a.trial!.tid - b.trial!.tid);
  // A loop, not Math.max(...): a spread of 100,000 arguments can overflow the stack.
  let elapsedEnd = parent.endTime ?? now;
  for (const c of sorted)
    elapsedEnd = Math.max(elapsedEnd, c.endTime ?? (c.status === 'RUNNING' ? now : c.startTime));
  const elapsedMs = Math.max(0, elapsedEnd - parent.startTime);
  const timed = sorted.map((child) => {
    const startedAt = Math.max(0, child.startTime - parent.startTime);
    const endedAt =
      child.endTime === null ? undefined : Math.max(startedAt, child.endTime - parent.startTime);
    return { startedAt, endedAt };
  });
  const parallelism = intParam(parent.params, 'actual_parallelism');
  const lanes = assignLanes(timed, elapsedMs, parallelism ?? Infinity);
  const labels: string[] = [];
  const seenLabels = new Set<string>();
  let running = 0;
  let finished = 0;
  let best: RunView['best'] = undefined;
  const rows: TrialRow[] = sorted.map((child, i) => {
    const trial = child.trial!;
    const status = statusOf(child);
    if (status === 'running') running += 1;
    else finished += 1;
    for (const label of Object.keys(trial.vals)) {
      if (seenLabels.has(label)) continue;
      seenLabels.add(label);
      labels.push(label);
    }
    const loss = trial.loss ?? undefined;
    if (status === 'ok' && loss !== undefined && (best === undefined || loss < best.loss))
      best = { tid: trial.tid, loss };
    const error = errorOf(child, status);
    const { startedAt, endedAt } = timed[i]!;
    const durationMs = trial.durationMs ?? (endedAt === undefined ? undefined : endedAt - startedAt);
    return {
      tid: trial.tid,
      status,
      vals: trial.vals,
      run: logOf(child),
      slot: lanes[i]!,
      startedAt,
      ...(endedAt === undefined ? {} : { endedAt }),
      ...(loss === undefined ? {} : { loss }),
      ...(durationMs === undefined ? {} : { durationMs }),
      ...(error === undefined ? {} : { error }),
    };
  });
  const laneCount = lanes.reduce((max, lane) => Math.max(max, lane + 1), 0);
  const requested = intParam(parent.params, 'parallelism');
  const actual = Math.max(1, laneCount, parallelism ?? 1);
  const view: RunView = {
    runId: 0,
    phase: parent.status === 'RUNNING' ? 'running' : 'ended',
    // A resumed run's current max evals is in a tag (params are write-once).
    maxEvals:
      intParam(parent.tags, autologNames.TAG_MAX_EVALS) ??
      intParam(parent.params, 'max_evals') ??
      rows.length,
    trialsKind: undefined,
    parallelism: { requested, actual, cores: actual, warnings: [], sharesCores: false },
    algo: parent.params.algo,
    startedAt: parent.startTime,
    running,
    finished,
    best,
    rows,
    end: undefined,
  };
  return {
    view,
    labels,
    childIdByTid: new Map(sorted.map((c) => [c.trial!.tid, c.id])),
    elapsedMs,
    otherChildren,
  };
}
