import type { DeleteUndo } from './useDeleteUndo';
import type { TreeFilter } from './useTreeFilter';

const runs = (n: number) => `${n.toLocaleString('en-US')} run${n === 1 ? '' : 's'}`;

/** What the filter found so far, in words. */
function searchText(filter: TreeFilter): string | undefined {
  if (!filter.active) return undefined;
  const result = filter.result;
  if (result === undefined) return 'Searching…';
  const found = result.matched.size;
  if (!result.done)
    return `Searching… children of ${result.scanned} of ${result.total} runs read; ${runs(found)} match so far.`;
  if (found === 0) return 'No run matches this filter.';
  const parents = result.roots.length;
  return `${runs(found)} match, under ${runs(parents).replace('run', 'top-level run')}.`;
}

/**
 * The live status lines above the list: reading, searching (with progress), and the last deletion
 * with its Undo, held open while the pointer or focus is on it.
 */
export function HistoryStatus({
  loading,
  filter,
  deletion,
}: {
  loading: boolean;
  filter: TreeFilter;
  deletion: DeleteUndo;
}) {
  const search = searchText(filter);
  const { offer } = deletion;
  return (
    <div className="history-status">
      <p role="status" aria-label="Search status" className="muted">
        {loading ? 'Reading the run history…' : search}
        {filter.failure !== undefined && <span className="error"> {filter.failure}</span>}
      </p>
      <div
        role="status"
        aria-label="Deletion"
        className={offer !== undefined ? 'undo-bar' : undefined}
        onFocus={() => deletion.hold(true)}
        onBlur={() => deletion.hold(false)}
        onPointerEnter={() => deletion.hold(true)}
        onPointerLeave={() => deletion.hold(false)}
      >
        {deletion.busy && <span>Working…</span>}
        {offer !== undefined && (
          <>
            <span>Deleted {runs(offer.count)}</span> ·{' '}
            <button type="button" onClick={deletion.undo}>
              Undo
            </button>
          </>
        )}
        {offer === undefined && deletion.note !== undefined && <span>{deletion.note}</span>}
      </div>
    </div>
  );
}
