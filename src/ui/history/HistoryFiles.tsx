import { useState } from 'react';
import { exportRuns, exportText, importRuns } from '../../tracking';
import type { Run } from '../../tracking';
import { download } from '../tracking/download';
import { useTracking } from '../tracking/trackingContext';

/** Import of a saved history file, and export of every run, above the list. */
export function HistoryFiles({
  parents,
  onError,
}: {
  parents: readonly Run[] | undefined;
  onError: (error: unknown) => void;
}) {
  const { store, changed } = useTracking();
  const [note, setNote] = useState<string | undefined>(undefined);
  if (store === undefined) return null;

  const importFile = (file: File | undefined) => {
    if (file === undefined) return;
    void (async () => {
      const report = await importRuns(store, await file.text());
      const renamed = report.renamed.length;
      setNote(
        `Imported ${report.imported} runs` +
          (renamed > 0
            ? `; ${renamed} already existed here and were imported as new runs (nothing was overwritten).`
            : '.'),
      );
      changed();
    })().catch(onError);
  };
  const exportAll = () =>
    void (async () => {
      const file = await exportRuns(
        store,
        (parents ?? []).map((r) => r.id),
      );
      download('hyperopt-runs.json', exportText(file), 'application/json');
    })().catch(onError);

  return (
    <div className="history-files">
      <label>
        Import a saved history file (JSON){' '}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => importFile(e.target.files?.[0])}
        />
      </label>
      <button type="button" onClick={exportAll} disabled={parents === undefined || parents.length === 0}>
        Export all (JSON)
      </button>
      {note !== undefined && (
        <p className="muted" role="status" aria-label="Import result">
          {note}
        </p>
      )}
    </div>
  );
}
