import { useState } from 'react';
import { childRunsCsv, exportRuns, exportText, runsToCsv, type Run, type RunStore } from '../../../tracking';
import { download } from '../../tracking/download';
import { fileName } from './runFormat';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * This run as an export file (JSON, with its descendants, metric histories and artifacts: it
 * imports back whole) and as CSV: a parent's trials one per row, any other run as one row.
 */
export function RunExport({ run, store }: { run: Run; store: RunStore }) {
  const [error, setError] = useState<string | undefined>(undefined);
  const act = (work: () => Promise<void>) => () =>
    void work().then(
      () => setError(undefined),
      (e: unknown) => setError(message(e)),
    );
  return (
    <>
      <button
        type="button"
        onClick={act(async () =>
          download(
            fileName(run.name, '.json'),
            exportText(await exportRuns(store, [run.id])),
            'application/json',
          ),
        )}
      >
        Export JSON
      </button>
      <button
        type="button"
        title={run.children.total > 0 ? 'One row per child run (trial)' : 'This run as one row'}
        onClick={act(async () =>
          download(
            fileName(run.name, '.csv'),
            run.children.total > 0 ? await childRunsCsv(store, run.id) : runsToCsv([run]),
            'text/csv',
          ),
        )}
      >
        Export CSV
      </button>
      {error !== undefined && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
