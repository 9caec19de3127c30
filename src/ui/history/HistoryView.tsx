import { useCallback, useMemo, useState } from 'react';
import { exportRuns, exportText } from '../../tracking';
import type { Run } from '../../tracking';
import { Region } from '../layout/Region';
import { useNavigation } from '../nav/navigation';
import { download } from '../tracking/download';
import { TrackingProblem } from '../tracking/TrackingProblem';
import { useTracking } from '../tracking/trackingContext';
import { HistoryFiles } from './HistoryFiles';
import { HistoryStatus } from './HistoryStatus';
import { RunTreeGrid, type GridHandlers } from './RunTreeGrid';
import { SearchBox } from './SearchBox';
import { SelectionBar } from './SelectionBar';
import { selectionRoots, withIds } from './selection';
import { collectKeys, emptyCatalog } from './suggest';
import type { TreeRow } from './treeRows';
import { useDeleteUndo } from './useDeleteUndo';
import { useHistoryRows } from './useHistoryRows';
import './history.css';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The run history: every fmin call of this browser as a parent run with its trials nested beneath,
 * searchable with MLflow's syntax (a parent whose children match stays, with them), sortable,
 * selectable (compare, export, delete with undo), live as runs go here or in another tab.
 */
export default function HistoryView() {
  const { route, navigate } = useNavigation();
  const { store } = useTracking();
  const applied = route.params['q'] ?? '';
  const h = useHistoryRows(applied);
  const [error, setError] = useState<string | undefined>(undefined);
  const onError = useCallback((e: unknown) => setError(message(e)), []);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [withChildren, setWithChildren] = useState(false);
  const onDeleted = useCallback((ids: readonly string[]) => setSelected((s) => withIds(s, ids, false)), []);
  const deletion = useDeleteUndo(onError, onDeleted);
  const [sampled, setSampled] = useState<readonly Run[]>([]);
  const { known, descendants, tree } = h;

  const catalog = useCallback(() => {
    const c = emptyCatalog();
    collectKeys(c, known.values());
    collectKeys(c, sampled);
    return c;
  }, [known, sampled]);
  // The keys of trials are known only once children are read: on first use of the search box,
  // read the newest run's children so its hyperparameters are suggested.
  const sample = useCallback(() => {
    const newest = [...(tree.parents ?? [])]
      .filter((p) => p.children.total > 0)
      .sort((a, b) => b.startTime - a.startTime)[0];
    if (store !== undefined && newest !== undefined)
      void store.listRuns({ parentRunId: newest.id }).then(setSampled, onError);
  }, [store, tree.parents, onError]);

  const apply = useCallback(
    (filter: string) =>
      navigate({ view: 'history', params: filter === '' ? {} : { q: filter } }, { replace: true }),
    [navigate],
  );

  const select = useCallback(
    (row: TreeRow, on: boolean) => {
      setSelected((s) => withIds(s, [row.run.id], on));
      if (withChildren && row.expandable)
        void descendants(row.run).then(
          (runs) =>
            setSelected((s) =>
              withIds(
                s,
                runs.map((r) => r.id),
                on,
              ),
            ),
          onError,
        );
    },
    [withChildren, descendants, onError],
  );

  const remove = deletion.remove;
  const handlers = useMemo<GridHandlers>(
    () => ({ toggle: h.toggle, select, remove: (run: Run) => remove([run]), error: onError, navigate }),
    [h.toggle, select, remove, onError, navigate],
  );

  const roots = () => selectionRoots(selected, known);
  const runningSelected = [...selected].map((id) => known.get(id)).find((r) => r?.status === 'RUNNING')?.name;
  const exportSelected = () => {
    if (store === undefined) return;
    void (async () => {
      const file = await exportRuns(store, roots());
      download('hyperopt-selected-runs.json', exportText(file), 'application/json');
    })().catch(onError);
  };
  const deleteSelected = () =>
    deletion.remove(roots().flatMap((id) => (known.has(id) ? [known.get(id)!] : [])));
  const compare = () => navigate({ view: 'compare', params: { ids: [...selected].join(',') } });

  const empty = tree.parents !== undefined && tree.parents.length === 0;
  const status = <HistoryStatus loading={tree.parents === undefined} filter={h.filter} deletion={deletion} />;
  return (
    <main className="history-view">
      <Region title="History" className="region-history">
        <div className="history">
          <HistoryFiles parents={tree.parents} onError={onError} />
          <TrackingProblem />
          {(error ?? tree.error) !== undefined && (
            <p className="error" role="alert">
              {error ?? tree.error}
            </p>
          )}
          {empty ? (
            <>
              {status}
              <p className="empty-state">
                No runs recorded yet. Each run is kept here, in this browser, with its trials.
              </p>
            </>
          ) : (
            <>
              <SearchBox
                applied={applied}
                error={h.filter.error}
                catalog={catalog}
                onApply={apply}
                onFirstFocus={sample}
              />
              <SelectionBar
                count={selected.size}
                withChildren={withChildren}
                onWithChildren={setWithChildren}
                runningSelected={runningSelected}
                busy={deletion.busy}
                onCompare={compare}
                onExport={exportSelected}
                onDelete={deleteSelected}
                onClear={() => setSelected(new Set())}
              />
              {status}
              <RunTreeGrid
                rows={h.rows}
                selected={selected}
                sort={h.sort}
                onSort={h.sortBy}
                now={h.now}
                handlers={handlers}
              />
              <p className="hint">
                In the list: ↑ ↓ move between runs, → expands, ← collapses or goes to the parent, Space
                selects, Enter opens the run.
              </p>
            </>
          )}
        </div>
      </Region>
    </main>
  );
}
