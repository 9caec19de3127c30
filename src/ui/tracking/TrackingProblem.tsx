import { useState } from 'react';
import { exportExperiment, exportText } from '../../tracking';
import { download } from './download';
import { useTracking } from './trackingContext';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Why runs are not being recorded (storage full, a newer tab, no IndexedDB), wherever the user is:
 * a full disk offers to export everything, the first step to freeing space without losing runs.
 */
export function TrackingProblem() {
  const { store, experiment, problem } = useTracking();
  const [error, setError] = useState<string | undefined>(undefined);
  if (problem === undefined) return null;
  const exportAll = () =>
    void (async () => {
      if (store && experiment)
        download(
          'hyperopt-runs.json',
          exportText(await exportExperiment(store, experiment.id)),
          'application/json',
        );
    })().then(
      () => setError(undefined),
      (e: unknown) => setError(message(e)),
    );
  return (
    <div className="error tracking-problem" role="alert" aria-label="Run history problem">
      <p>{problem.message}</p>
      {problem.kind === 'storageFull' && (
        <p>
          <button type="button" onClick={exportAll}>
            Export everything
          </button>{' '}
          then delete runs you no longer need in History.
        </p>
      )}
      {error !== undefined && <p>{error}</p>}
    </div>
  );
}
