import { useEffect, useState } from 'react';
import { TAG_END_REASON, childRunsCsv, exportRuns, exportText, importRuns } from '../../tracking';
import type { Run } from '../../tracking';
import { download } from './download';
import { TrackingProblem } from './TrackingProblem';
import { useTracking } from './trackingContext';
import './history.css';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function formatLoss(loss: number | null): string {
  return loss === null
    ? '–'
    : Math.abs(loss) >= 1e4 || (loss !== 0 && Math.abs(loss) < 1e-3)
      ? loss.toExponential(3)
      : loss.toFixed(4);
}

/** One line per run, as text: run content is untrusted and is never rendered as HTML. */
function RunItem({
  run,
  onExport,
  onCsv,
  onDelete,
}: {
  run: Run;
  onExport: () => void;
  onCsv: () => void;
  onDelete: () => void;
}) {
  const c = run.children;
  const reason = run.tags[TAG_END_REASON];
  return (
    <li aria-label={`Run ${run.name}`} data-status={run.status}>
      <strong>{run.name}</strong>{' '}
      <span className={`status status-${run.status.toLowerCase()}`}>{run.status}</span>
      {reason !== undefined && <span className="muted"> ({reason})</span>} ·{' '}
      <span>{c.finished + c.failed} trials completed</span>
      {c.killed > 0 && <span className="muted"> · {c.killed} interrupted</span>}
      {c.running > 0 && <span className="muted"> · {c.running} running</span>} · best loss{' '}
      {formatLoss(c.bestLoss)}{' '}
      <span className="history-actions">
        <button type="button" onClick={onExport}>
          Export
        </button>
        <button type="button" onClick={onCsv} disabled={c.total === 0}>
          CSV
        </button>
        <button type="button" onClick={onDelete} disabled={run.status === 'RUNNING'}>
          Delete
        </button>
      </span>
    </li>
  );
}

/** The run history of this browser: every fmin call as a parent run, newest first. */
export function HistoryPanel() {
  const { store, experiment, version, changed } = useTracking();
  const [runs, setRuns] = useState<Run[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [note, setNote] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (store === undefined || experiment === undefined) return;
    let current = true;
    store.listRuns({ experimentId: experiment.id, parentRunId: null }).then(
      (list) => current && setRuns(list.sort((a, b) => b.startTime - a.startTime)),
      (e: unknown) => current && setError(message(e)),
    );
    return () => {
      current = false;
    };
  }, [store, experiment, version]);

  const act = (work: () => Promise<void>) => () =>
    void work().then(
      () => setError(undefined),
      (e: unknown) => setError(message(e)),
    );
  const importFile = (file: File | undefined) => {
    if (file === undefined || store === undefined) return;
    act(async () => {
      const report = await importRuns(store, await file.text());
      const renamed = report.renamed.length;
      setNote(
        `Imported ${report.imported} runs` +
          (renamed > 0
            ? `; ${renamed} already existed here and were imported as new runs (nothing was overwritten).`
            : '.'),
      );
      changed();
    })();
  };

  return (
    <div className="history">
      {store !== undefined && (
        <p className="history-tools">
          <label>
            Import a saved history file (JSON){' '}
            <input
              type="file"
              accept="application/json,.json"
              onChange={(e) => importFile(e.target.files?.[0])}
            />
          </label>
        </p>
      )}
      {note !== undefined && (
        <p className="muted" role="status" aria-label="Import result">
          {note}
        </p>
      )}
      <TrackingProblem />
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {store !== undefined && runs.length === 0 && (
        <p className="empty-state">
          No runs recorded yet. Each run is kept here, in this browser, with its trials.
        </p>
      )}
      {runs.length > 0 && (
        <ul className="history-list" aria-label="Run history">
          {runs.map((run) => (
            <RunItem
              key={run.id}
              run={run}
              onExport={act(async () =>
                download(
                  `${run.name}.json`,
                  exportText(await exportRuns(store!, [run.id])),
                  'application/json',
                ),
              )}
              onCsv={act(async () =>
                download(`${run.name}.csv`, await childRunsCsv(store!, run.id), 'text/csv'),
              )}
              onDelete={act(async () => {
                await store!.deleteRuns([run.id]);
                changed();
              })}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
