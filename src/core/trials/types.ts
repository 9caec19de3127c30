/**
 * Trial documents as Hyperopt keeps them (hyperopt/base.py), in camelCase, as plain JSON-safe data.
 */

export const STATUS_NEW = 'new';
export const STATUS_RUNNING = 'running';
export const STATUS_SUSPENDED = 'suspended';
export const STATUS_OK = 'ok';
export const STATUS_FAIL = 'fail';
export const STATUS_STRINGS = [STATUS_NEW, STATUS_RUNNING, STATUS_SUSPENDED, STATUS_OK, STATUS_FAIL] as const;
export type Status = (typeof STATUS_STRINGS)[number];

export const JOB_STATE_NEW = 0;
export const JOB_STATE_RUNNING = 1;
export const JOB_STATE_DONE = 2;
export const JOB_STATE_ERROR = 3;
/** Beyond Hyperopt: a trial ended by a timeout, early stop or user Stop (SparkTrials' "cancelled"). */
export const JOB_STATE_CANCEL = 4;
export type JobState = 0 | 1 | 2 | 3 | 4;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What an objective returns, normalised: `loss` is required when `status` is 'ok'. */
export interface TrialResult {
  status: Status;
  loss?: number;
  [extra: string]: JsonValue | undefined;
}

export interface TrialMisc {
  tid: number;
  cmd: [string, string];
  workdir: string | null;
  /** label -> [tid] when the label is active in this trial, [] otherwise. */
  idxs: Record<string, number[]>;
  /** label -> [value] when active, [] otherwise (choice: option index). */
  vals: Record<string, number[]>;
  /** Set when the objective failed or the trial was cancelled: [error type, message]. */
  error?: [string, string];
}

export interface TrialDoc {
  tid: number;
  state: JobState;
  spec: null;
  result: TrialResult;
  misc: TrialMisc;
  expKey: string | null;
  owner: string | null;
  version: number;
  /** Epoch milliseconds. */
  bookTime: number | null;
  refreshTime: number | null;
}

/** A point proposed by an algorithm: its tid and the values of its active hyperparameters. */
export interface NewTrial {
  tid: number;
  vals: Record<string, number>;
}
