import { Suspense, lazy, useState } from 'react';
import type { Draft } from '../draft/draft';
import type { SpaceCheck } from '../run/useSourceChecks';
import { PythonDialog } from './PythonDialog';

// The generator and the parser load when a dialog first opens, not with the page.
const ExportPanel = lazy(() => import('./ExportPanel'));
const ImportPanel = lazy(() => import('./ImportPanel'));

const loading = <p role="status">Loading…</p>;

/** The toolbar's "Export to Python" and "Import from Python" buttons and their dialogs. */
export function PythonTools({
  draft,
  check,
  disabled,
  onImport,
}: {
  draft: Draft;
  check: SpaceCheck;
  /** Importing replaces the space, so not while a run is going. */
  disabled: boolean;
  onImport: (spaceSource: string) => void;
}) {
  const [open, setOpen] = useState<'export' | 'import' | undefined>(undefined);
  const close = () => setOpen(undefined);
  return (
    <>
      {/* On a phone the toolbar is short of room: the visible labels shorten (the names do not). */}
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label="Export to Python"
        onClick={() => setOpen('export')}
      >
        <span className="python-label-wide">Export to Python</span>
        <span className="python-label-narrow">To Python</span>
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label="Import from Python"
        disabled={disabled}
        onClick={() => setOpen('import')}
      >
        <span className="python-label-wide">Import from Python</span>
        <span className="python-label-narrow">From Python</span>
      </button>
      <PythonDialog title="Export to Python" open={open === 'export'} onClose={close}>
        <Suspense fallback={loading}>
          <ExportPanel draft={draft} check={check} />
        </Suspense>
      </PythonDialog>
      <PythonDialog title="Import from Python" open={open === 'import'} onClose={close}>
        <Suspense fallback={loading}>
          <ImportPanel
            onImport={(source) => {
              onImport(source);
              close();
            }}
          />
        </Suspense>
      </PythonDialog>
    </>
  );
}
