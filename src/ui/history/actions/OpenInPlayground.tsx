import { useId, useState } from 'react';
import type { Run } from '../../../tracking';
import { useNavigation } from '../../nav/navigation';
import { useTracking } from '../../tracking/trackingContext';
import { draftUnavailable, readRunDraft } from './runDraft';
import './actions.css';

const localCores = () => Math.max(1, navigator.hardwareConcurrency || 1);
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Loads the space, objective and settings a run was started with into the playground (the draft
 * there is kept and offered back). Disabled, saying why, for a run recorded without its draft.
 * `compact`: the short form for a history row (parent runs only; the reason as a tooltip).
 */
export function OpenInPlayground({ run, compact = false }: { run: Run; compact?: boolean }) {
  const { store } = useTracking();
  const { openInPlayground } = useNavigation();
  const [error, setError] = useState<string | undefined>(undefined);
  const reasonId = useId();
  if (compact && run.parentRunId !== null) return null;
  const reason = store === undefined ? 'The run history is not open.' : draftUnavailable(run);
  const open = () => {
    if (store === undefined) return;
    readRunDraft(store, run, localCores()).then(
      (draft) => openInPlayground(draft, `the run “${run.name}”`),
      (e: unknown) => setError(message(e)),
    );
  };
  return (
    <>
      <button
        type="button"
        onClick={open}
        disabled={reason !== undefined}
        aria-label={compact ? `Open ${run.name} in the playground` : undefined}
        title={compact ? reason : undefined}
        aria-describedby={!compact && reason !== undefined ? reasonId : undefined}
      >
        {compact ? 'Open' : 'Open in playground'}
      </button>
      {!compact && reason !== undefined && (
        <span id={reasonId} className="action-reason">
          {reason}
        </span>
      )}
      {error !== undefined && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
