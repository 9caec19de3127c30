import { useEffect, useRef, useState } from 'react';
import type { Run, RunStore } from '../../../tracking';
import { chooseCompared } from './compareIds';
import { finishedPoints, runLabels, trialPoints, type ComparedRun, type TrialPoint } from './comparedRuns';
import { nextTask } from './nextTask';
import { paramAxes, type ParamAxis } from './paramAxes';
import { LOSS_BINS, lossBins, type LossBins } from './trialMatrix';

/** What the charts draw from the compared runs. */
export interface CompareData {
  points: TrialPoint[];
  finished: (TrialPoint & { loss: number })[];
  /** Loss-rank bins of `finished`, for colouring by loss. */
  bins: LossBins;
  labels: string[];
  axes: ParamAxis[];
}

export interface ComparedRunsState {
  /** Undefined while the first read is going on. */
  runs: ComparedRun[] | undefined;
  /** Derived from `runs` (in the same state, so the two always agree). */
  data: CompareData | undefined;
  /** A sentence per id that could not be compared (not found, a trial rather than a run). */
  problems: string[];
  error: string | undefined;
}

/** While a compared run is still running, re-read at most this often as the store changes. */
const LIVE_INTERVAL_MS = 1000;

const CHILD_BATCH = 1000;

async function readRuns(store: RunStore, ids: readonly string[]) {
  const found = new Map<string, Run>();
  for (const id of ids) {
    const run = await store.getRun(id);
    if (run !== undefined) found.set(id, run);
  }
  const chosen = chooseCompared(ids, found);
  const runs: ComparedRun[] = [];
  for (const run of chosen.runs) {
    // In batches: one read of 10,000 children would be a main-thread task of 200 ms or more.
    const children: Run[] = [];
    await store.listRunsInBatches({ parentRunId: run.id }, CHILD_BATCH, (batch) => children.push(...batch));
    runs.push({ run, children });
  }
  // Each step over 30,000 trials takes tens of milliseconds: one task each, not one long task.
  await nextTask();
  const points = trialPoints(runs);
  await nextTask();
  const finished = finishedPoints(points);
  const axes = paramAxes(
    runs.map((r) => r.run),
    finished,
  );
  await nextTask();
  const bins = lossBins(finished, LOSS_BINS);
  const data: CompareData = { points, finished, bins, labels: runLabels(runs), axes };
  return { runs, data, problems: chosen.problems };
}

/** The compared runs with their children, read again (throttled) while one of them is running. */
export function useComparedRuns(
  store: RunStore | undefined,
  ids: readonly string[],
  version: number,
): ComparedRunsState {
  const [state, setState] = useState<ComparedRunsState>({
    runs: undefined,
    data: undefined,
    problems: [],
    error: undefined,
  });
  const key = ids.join(',');
  const live = state.runs?.some((r) => r.run.status === 'RUNNING') ?? false;
  const lastRead = useRef(0);
  const trigger = live ? version : 0;
  useEffect(() => {
    if (store === undefined) return;
    let current = true;
    const wait = live ? Math.max(0, lastRead.current + LIVE_INTERVAL_MS - Date.now()) : 0;
    const timer = setTimeout(() => {
      lastRead.current = Date.now();
      readRuns(store, key === '' ? [] : key.split(',')).then(
        ({ runs, data, problems }) => current && setState({ runs, data, problems, error: undefined }),
        (e: unknown) =>
          current && setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })),
      );
    }, wait);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [store, key, trigger, live]);
  return state;
}
