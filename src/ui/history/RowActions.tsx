import { childRunsCsv, exportRuns, exportText } from '../../tracking';
import type { Run } from '../../tracking';
import { download } from '../tracking/download';
import { OpenInPlayground } from './actions/OpenInPlayground';
import { useTracking } from '../tracking/trackingContext';

/**
 * A run's own actions, at the end of its row: export it (JSON, with its children), its trials as
 * CSV (parents), delete it (with undo). Further actions (resume, open in the playground) join here.
 */
export function RowActions({
  run,
  onDelete,
  onError,
}: {
  run: Run;
  onDelete: (run: Run) => void;
  onError: (error: unknown) => void;
}) {
  const { store } = useTracking();
  if (store === undefined) return null;
  const act = (work: () => Promise<void>) => () => void work().catch(onError);
  const running = run.status === 'RUNNING';
  return (
    <span className="run-actions">
      <button
        type="button"
        aria-label={`Export ${run.name} as JSON`}
        onClick={act(async () =>
          download(`${run.name}.json`, exportText(await exportRuns(store, [run.id])), 'application/json'),
        )}
      >
        JSON
      </button>
      {run.children.total > 0 && (
        <button
          type="button"
          aria-label={`Export the trials of ${run.name} as CSV`}
          onClick={act(async () =>
            download(`${run.name}.csv`, await childRunsCsv(store, run.id), 'text/csv'),
          )}
        >
          CSV
        </button>
      )}
      <OpenInPlayground run={run} compact />
      <button
        type="button"
        aria-label={`Delete ${run.name}`}
        title={running ? 'A running run cannot be deleted: stop it first.' : undefined}
        disabled={running}
        onClick={() => onDelete(run)}
      >
        Delete
      </button>
    </span>
  );
}
