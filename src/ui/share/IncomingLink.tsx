import { controlLabel } from '../lessons/controls';
import type { OpenedLink } from './shareCodec';
import type { Incoming } from './useShareLink';

/** What a classroom link adds to its playground, in a sentence (empty for a plain link). */
function describeClassroom(link: OpenedLink): string {
  const c = link.classroom;
  if (c === undefined) return '';
  const lesson = c.lesson === undefined ? '' : ` It opens the lesson “${c.lesson.title}”.`;
  const hidden = c.hide.length === 0 ? '' : ` It hides: ${c.hide.map(controlLabel).join(', ')}.`;
  return `${lesson}${hidden}`;
}

/** A link that could not be opened (nothing changed), or a shared playground offered beside the user's. */
export function IncomingLink({
  incoming,
  onOpen,
  onDismiss,
}: {
  incoming: Incoming;
  onOpen: (link: OpenedLink) => void;
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
  const { link } = incoming;
  const { draft } = link;
  return (
    <section className="notice incoming" aria-label="Shared playground">
      <p>
        This link holds a shared playground (its search space, objective and settings).
        {describeClassroom(link)} Your own code is still here; opening the link keeps it, to restore. Nothing
        runs until you press Run.
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
        <button type="button" className="primary" onClick={() => onOpen(link)}>
          Open shared playground
        </button>{' '}
        <button type="button" onClick={onDismiss}>
          Keep my code
        </button>
      </p>
    </section>
  );
}
