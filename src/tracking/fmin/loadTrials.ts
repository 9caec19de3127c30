/**
 * Resume: the core `Trials` of a parent run, rebuilt from its child runs, so that fmin continues
 * where the run stopped (to a new maxEvals, with FminTracker's `resumeRunId` adding the new children
 * to the same parent). Trials that never finished (KILLED children: interrupted, or left running)
 * come back as cancelled documents, which Hyperopt does not count towards max_evals, so fmin
 * evaluates those points' budget again.
 */
import {
  JOB_STATE_CANCEL,
  JOB_STATE_DONE,
  JOB_STATE_ERROR,
  STATUS_FAIL,
  STATUS_OK,
  Trials,
  compileSpace,
  isCompiledSpace,
  newTrialDoc,
  valsToMisc,
} from '../../core';
import type { CompiledSpace, SpaceNode, TrialDoc } from '../../core';
import { TrackingError } from '../errors';
import type { RunStore } from '../runStore';
import type { Run } from '../types';
import { TAG_END_REASON } from '../types';
import { TAG_FMIN_UUID } from './autologNames';

export interface LoadTrialsOptions {
  /** The run's search space: gives every document all labels (inactive ones as []), as fmin makes them. */
  space?: SpaceNode | CompiledSpace;
  /** Only the children of this fmin call (a run that hosted several fmin calls has one per call). */
  fminUuid?: string;
}

function miscOf(tid: number, vals: Record<string, number>, space: CompiledSpace | undefined) {
  if (space && Object.keys(vals).length === 0) {
    // A trial that never reported its point (interrupted while running): every label inactive.
    const none = Object.fromEntries(space.params.map((p) => [p.label, [] as number[]]));
    return { idxs: none, vals: { ...none } };
  }
  if (space) return valsToMisc(space, tid, vals);
  const idxs: Record<string, number[]> = {};
  const misc: Record<string, number[]> = {};
  for (const [label, value] of Object.entries(vals)) {
    idxs[label] = [tid];
    misc[label] = [value];
  }
  return { idxs, vals: misc };
}

/** The TrialDoc a child run records. */
export function trialDocOf(run: Run, space?: CompiledSpace): TrialDoc | undefined {
  const trial = run.trial;
  if (trial === null) return undefined;
  const doc = newTrialDoc(trial.tid, miscOf(trial.tid, trial.vals, space));
  doc.bookTime = run.startTime;
  doc.refreshTime = run.endTime ?? run.startTime;
  if (trial.outcome === 'ok' && trial.loss !== null && run.status === 'FINISHED') {
    doc.state = JOB_STATE_DONE;
    doc.result = { ...(trial.result ?? {}), status: STATUS_OK, loss: trial.loss };
  } else if (trial.outcome === 'failed') {
    const error: [string, string] = [trial.error?.type ?? 'Error', trial.error?.message ?? 'failed'];
    doc.state = JOB_STATE_ERROR;
    doc.misc.error = error;
    doc.result = { status: STATUS_FAIL, error: `${error[0]}: ${error[1]}` };
  } else {
    const reason = run.tags[TAG_END_REASON] ?? trial.error?.message ?? 'cancelled';
    doc.state = JOB_STATE_CANCEL;
    doc.misc.error = ['Cancelled', reason];
    doc.result = { status: STATUS_FAIL, error: `cancelled: ${reason}` };
  }
  return doc;
}

/**
 * Rebuilds the Trials of `parentRunId` from its child runs.
 *
 * @throws TrackingError when the run has children of several fmin calls with the same tids and no
 *   `fminUuid` says which to take.
 */
export async function loadTrials(
  store: RunStore,
  parentRunId: string,
  options: LoadTrialsOptions = {},
): Promise<Trials> {
  const space =
    options.space === undefined
      ? undefined
      : isCompiledSpace(options.space)
        ? options.space
        : compileSpace(options.space);
  let children = (await store.listRuns({ parentRunId })).filter((r) => r.trial !== null);
  if (options.fminUuid !== undefined) {
    children = children.filter((r) => r.tags[TAG_FMIN_UUID] === options.fminUuid);
  }
  const byTid = new Map<number, Run>();
  for (const child of children) {
    const tid = child.trial!.tid;
    if (byTid.has(tid)) {
      const uuids = [...new Set(children.map((c) => c.tags[TAG_FMIN_UUID]))].join(', ');
      throw new TrackingError(
        `Run ${parentRunId} holds trials of several fmin calls (fmin_uuid ${uuids}); choose one with fminUuid to resume it.`,
      );
    }
    byTid.set(tid, child);
  }
  const docs = [...byTid.keys()]
    .sort((a, b) => a - b)
    .map((tid) => trialDocOf(byTid.get(tid)!, space))
    .filter((d): d is TrialDoc => d !== undefined);
  const trials = new Trials();
  trials.insertTrialDocs(docs);
  return trials;
}
