/** Identifiers: run and experiment ids like MLflow's (32 hex digits), fmin uuids like Databricks'. */

/** A fresh run or experiment id: a random UUID without dashes, as MLflow's `uuid.uuid4().hex`. */
export function newId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/** Databricks' fmin uuid (hyperopt/mlflow_utils.py:_update_fmin_uuid): the first 6 characters of a UUID. */
export function newFminUuid(): string {
  return crypto.randomUUID().slice(0, 6);
}
