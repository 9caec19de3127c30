import type { Draft } from '../draft/draft';
import type { Incoming } from './useShareLink';

/** A link that could not be opened (nothing changed), or a shared playground offered beside the user's. */
export function IncomingLink({
  incoming,
  onOpen,
  onDismiss,
}: {
  incoming: Incoming;
  onOpen: (draft: Draft) => void;
  onDismiss: () => void;
}) {
  if (incoming.kind === 'error') {
    return (
      <div className="notice notice-error" role="alert" aria-label="Link problem">
        <p>
          This link could not be opened: {incoming.message} Nothing was changed.{' '}
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      </div>
    );
  }
  const { draft } = incoming;
  return (
    <section className="notice incoming" aria-label="Shared playground">
      <p>
        This link holds a shared playground (its search space, objective and settings). Your own code is still
        here; opening the link keeps it, to restore. Nothing runs until you press Run.
      </p>
      <details>
        <summary>Show the shared code</summary>
        <div className="chart-pair">
          <pre className="code-block" aria-label="Shared search space">
            {draft.space}
          </pre>
          <pre className="code-block" aria-label="Shared objective">
            {draft.objective}
          </pre>
        </div>
      </details>
      <p>
        <button type="button" className="primary" onClick={() => onOpen(draft)}>
          Open shared playground
        </button>{' '}
        <button type="button" onClick={onDismiss}>
          Keep my code
        </button>
      </p>
    </section>
  );
}
