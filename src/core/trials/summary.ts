import {
  JOB_STATE_CANCEL,
  JOB_STATE_DONE,
  JOB_STATE_ERROR,
  JOB_STATE_NEW,
  JOB_STATE_RUNNING,
  STATUS_OK,
} from './types';
import type { Trials } from './trials';

/** Counts in the spirit of SparkTrials' end-of-run summary (hyperopt/spark.py:SparkTrials). */
export interface TrialsSummary {
  /** Every document, whatever its state. */
  total: number;
  /** DONE with status 'ok'. */
  succeeded: number;
  /** ERROR, or DONE with a status other than 'ok' (e.g. 'fail'). */
  failed: number;
  /** CANCEL (timeout, early stop, user Stop). */
  cancelled: number;
  /** NEW or RUNNING (not finished yet). */
  pending: number;
}

/** Summarizes a store. O(number of DONE trials) for the ok/fail split, O(1) otherwise. */
export function summarizeTrials(trials: Trials): TrialsSummary {
  let succeeded = 0;
  let doneNotOk = 0;
  for (const doc of trials.allTrials) {
    if (doc.state !== JOB_STATE_DONE) continue;
    if (doc.result.status === STATUS_OK) succeeded += 1;
    else doneNotOk += 1;
  }
  return {
    total: trials.allTrials.length,
    succeeded,
    failed: doneNotOk + trials.countByStateUnsynced(JOB_STATE_ERROR),
    cancelled: trials.countByStateUnsynced(JOB_STATE_CANCEL),
    pending: trials.countByStateUnsynced([JOB_STATE_NEW, JOB_STATE_RUNNING]),
  };
}
