import { useCallback, useEffect, useRef, useState } from 'react';
import { exportRuns, importRuns } from '../../tracking';
import type { ExportFile, Run } from '../../tracking';
import { useTracking } from '../tracking/trackingContext';

/** How long Undo is offered after a deletion. */
export const UNDO_MS = 8_000;

export interface DeleteUndo {
  /** The last deletion, while it can be undone. */
  offer: { count: number; what: string } | undefined;
  /** What happened last, in words (restored, or why nothing was deleted). */
  note: string | undefined;
  busy: boolean;
  remove: (roots: readonly Run[]) => void;
  undo: () => void;
  /** Holds the offer open (focus or pointer on it) or lets it run out again. */
  hold: (held: boolean) => void;
}

/**
 * Deleting runs with their children, with Undo for a few seconds. The runs are exported (with
 * metric histories and artifacts, in memory) and then really deleted at once, rather than hidden
 * and deleted later: other tabs see the deletion straight away, it survives a reload or a closed
 * tab, and the space is freed when storage is full. Undo imports the export back under the same
 * ids (they are free again), so nothing is lost.
 */
export function useDeleteUndo(
  onError: (error: unknown) => void,
  onDeleted: (ids: readonly string[]) => void,
): DeleteUndo {
  const { store, changed } = useTracking();
  const [offer, setOffer] = useState<{ count: number; what: string; file: ExportFile } | undefined>();
  const [note, setNote] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const expireLater = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOffer(undefined), UNDO_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const remove = useCallback(
    (roots: readonly Run[]) => {
      if (store === undefined || roots.length === 0) return;
      const running = roots.find((r) => r.status === 'RUNNING');
      if (running !== undefined) {
        setNote(`${running.name} is running and cannot be deleted: stop it first.`);
        return;
      }
      setBusy(true);
      setNote(undefined);
      void (async () => {
        const file = await exportRuns(
          store,
          roots.map((r) => r.id),
        );
        const { deleted } = await store.deleteRuns(roots.map((r) => r.id));
        changed();
        onDeleted(deleted);
        const what = roots.length === 1 ? roots[0]!.name : `${roots.length} runs`;
        setOffer({ count: deleted.length, what, file });
        expireLater();
      })()
        .catch(onError)
        .finally(() => setBusy(false));
    },
    [store, changed, onError, onDeleted, expireLater],
  );

  const undo = useCallback(() => {
    if (store === undefined || offer === undefined) return;
    clearTimeout(timer.current);
    setOffer(undefined);
    setBusy(true);
    void importRuns(store, offer.file)
      .then((report) => {
        changed();
        setNote(`Restored ${report.imported} run${report.imported === 1 ? '' : 's'}.`);
      })
      .catch(onError)
      .finally(() => setBusy(false));
  }, [store, offer, changed, onError]);

  const hold = useCallback(
    (held: boolean) => {
      if (held) clearTimeout(timer.current);
      else expireLater();
    },
    [expireLater],
  );

  return { offer: offer && { count: offer.count, what: offer.what }, note, busy, remove, undo, hold };
}
