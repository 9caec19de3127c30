/**
 * The names and formats of Hyperopt's MLflow autologging, as Databricks writes them
 * (hyperopt/mlflow_utils.py: _MLflowLogging.start_fmin_run, complete_fmin_run, start_trial_run,
 * complete_trial_run; hyperopt/spark.py: _finish_trial_run).
 */
import { LIMITS } from '../limits';
import type { FminSettings, TrialEndOutcome } from './events';

export const TAG_RUN_SOURCE = 'runSource';
export const RUN_SOURCE = 'hyperoptAutoTracking';
export const TAG_SPACE = 'space';
export const TAG_FMIN_UUID = 'fmin_uuid';
export const TAG_TRIAL_STATUS = 'trial_status';
/** Our addition: a failed trial's error, "Type: message". */
export const TAG_TRIAL_ERROR = 'playground.error';
/**
 * Our addition: the max evals the run goes to now. Params are write-once (MLflow), so a resumed run
 * keeps `max_evals` and logs its larger one as `max_evals_<fmin_uuid>` (Databricks' rule for a
 * second fmin in a run); this tag, which may change, says which one holds.
 */
export const TAG_MAX_EVALS = 'playground.maxEvals';
/** Our addition: objective params that clashed with a hyperparameter's value (kept the latter). */
export const TAG_PARAM_CONFLICTS = 'playground.paramConflicts';

export const METRIC_LOSS = 'loss';
export const METRIC_SUCCESSFUL = 'successful_trials_count';
export const METRIC_FAILED = 'failed_trials_count';
export const METRIC_CANCELLED = 'cancelled_trials_count';
export const METRIC_TOTAL = 'total_trials_count';
export const METRIC_BEST_LOSS = 'best_trial_loss';

/** complete_trial_run's `trial_status` values. */
export const TRIAL_STATUS: Record<TrialEndOutcome, string> = {
  ok: 'success',
  failed: 'failure',
  cancelled: 'cancelled',
};

/** Python's str() of an optional number, as Databricks logs `str(v)`: null is 'None'. */
function pyStr(value: number | null): string {
  return value === null ? 'None' : String(value);
}

/** Databricks logs `algo.__module__`, e.g. 'hyperopt.tpe'. */
export function algoModule(algo: string): string {
  return algo.includes('.') ? algo : `hyperopt.${algo}`;
}

/** The parent run's params (start_fmin_run's params_to_log). */
export function fminParams(settings: FminSettings): Record<string, string> {
  return {
    max_evals: String(settings.maxEvals),
    actual_parallelism: String(settings.actualParallelism),
    parallelism: pyStr(settings.parallelism),
    timeout: pyStr(settings.timeout),
    algo: algoModule(settings.algo),
    max_queue_len: String(settings.maxQueueLen),
  };
}

/**
 * The `space` tag (_format_space_str): newlines escaped, cut to the tag limit with " ..." as the
 * last characters.
 */
export function formatSpace(space: unknown, maxChars: number = LIMITS.tagValueChars): string {
  const text = (typeof space === 'string' ? space : (JSON.stringify(space) ?? String(space))).replace(
    /\n/g,
    '\\n',
  );
  const suffix = ' ...';
  return text.length > maxChars ? text.slice(0, maxChars - suffix.length) + suffix : text;
}

/**
 * A second fmin in a run that already has a `fmin_uuid` tag (start_fmin_run: MLflow forbids
 * overwriting params) appends `_<fmin_uuid>` to every param it logs and to the `fmin_uuid` tag; the
 * other tags (runSource, space) are simply set again.
 */
export function suffixKeys(record: Record<string, string>, uuid: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) out[`${k}_${uuid}`] = v;
  return out;
}

/** A child run's hyperparameter params: the trial's vals as MLflow strings. */
export function valsAsParams(vals: Record<string, number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(vals)) out[k] = String(v);
  return out;
}
