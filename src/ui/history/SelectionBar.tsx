/** Most runs Compare takes (their ids travel in the URL). */
export const MAX_COMPARE = 100;

/**
 * What can be done with the selected runs: compare them, export them (JSON, with their children),
 * delete them (with their children, with undo). A running run cannot be deleted.
 */
export function SelectionBar({
  count,
  withChildren,
  onWithChildren,
  runningSelected,
  busy,
  onCompare,
  onExport,
  onDelete,
  onClear,
}: {
  count: number;
  withChildren: boolean;
  onWithChildren: (on: boolean) => void;
  /** The name of a selected run that is running, if any. */
  runningSelected: string | undefined;
  busy: boolean;
  onCompare: () => void;
  onExport: () => void;
  onDelete: () => void;
  onClear: () => void;
}) {
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected runs">
      <label className="inline-option">
        <input type="checkbox" checked={withChildren} onChange={(e) => onWithChildren(e.target.checked)} />{' '}
        Selecting a parent selects its children
      </label>
      <span className="selection-count" aria-live="polite">
        {count === 0 ? 'No run selected' : `${count} run${count === 1 ? '' : 's'} selected`}
      </span>
      <button
        type="button"
        onClick={onCompare}
        disabled={count < 2 || count > MAX_COMPARE}
        title={count > MAX_COMPARE ? `Compare takes up to ${MAX_COMPARE} runs.` : undefined}
      >
        Compare
      </button>
      <button type="button" onClick={onExport} disabled={count === 0}>
        Export selected
      </button>
      <button
        type="button"
        onClick={onDelete}
        disabled={count === 0 || busy || runningSelected !== undefined}
        aria-describedby={runningSelected !== undefined ? 'selection-running' : undefined}
      >
        Delete
      </button>
      <button type="button" onClick={onClear} disabled={count === 0}>
        Clear selection
      </button>
      {runningSelected !== undefined && (
        <span id="selection-running" className="muted">
          {runningSelected} is running: a running run cannot be deleted.
        </span>
      )}
    </div>
  );
}
