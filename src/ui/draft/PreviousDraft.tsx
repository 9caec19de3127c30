/** Says what replaced the user's code, and offers it back: loading never loses work silently. */
export function PreviousDraft({
  what,
  onRestore,
  onDismiss,
}: {
  what: string;
  onRestore: () => void;
  onDismiss: () => void;
}) {
  return (
    <div className="notice" role="status" aria-label="Previous code kept">
      <span>
        Opened {what}. Your previous code and settings are kept.{' '}
        <button type="button" onClick={onRestore}>
          Restore previous code
        </button>{' '}
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </span>
    </div>
  );
}
