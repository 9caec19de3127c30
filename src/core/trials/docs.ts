import { JOB_STATE_NEW, STATUS_NEW } from './types';
import type { TrialDoc } from './types';

/** Hyperopt's `misc.cmd` for trials made by fmin (fmin.py:generate_trial, base.py:Domain.cmd). */
export const FMIN_CMD: [string, string] = ['domain_attachment', 'FMinIter_Domain'];

/**
 * A NEW trial document, as base.py:Trials.new_trial_docs builds it: `spec` null, result
 * `{status: 'new'}`, version 0, no owner and no times yet.
 */
export function newTrialDoc(
  tid: number,
  misc: { idxs: Record<string, number[]>; vals: Record<string, number[]> },
  expKey: string | null = null,
): TrialDoc {
  return {
    tid,
    state: JOB_STATE_NEW,
    spec: null,
    result: { status: STATUS_NEW },
    misc: { tid, cmd: [FMIN_CMD[0], FMIN_CMD[1]], workdir: null, idxs: misc.idxs, vals: misc.vals },
    expKey,
    owner: null,
    version: 0,
    bookTime: null,
    refreshTime: null,
  };
}
