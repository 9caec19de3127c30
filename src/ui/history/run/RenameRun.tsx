import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../tracking';

/**
 * The run's name as its page heading, edited in place: "Rename" turns it into a field (Enter
 * saves, Escape cancels). The store refuses what it cannot keep; its sentence shows here.
 */
export function RenameRun({ name, onSave }: { name: string; onSave: (name: string) => Promise<void> }) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const errorId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const editedBefore = useRef(false);
  // A run's page opens with the keyboard on its name (a trial's number or a parent link was just
  // followed); after an edit, back on the Rename button.
  useEffect(() => {
    if (draft !== undefined) return;
    if (editedBefore.current) renameButton.current?.focus();
    else heading.current?.focus();
  }, [draft]);
  if (draft === undefined) {
    return (
      <div className="run-title">
        <h2 ref={heading} tabIndex={-1}>
          {name}
        </h2>
        <button ref={renameButton} type="button" onClick={() => setDraft(name)}>
          Rename
        </button>
      </div>
    );
  }
  const cancel = () => {
    editedBefore.current = true;
    setDraft(undefined);
    setError(undefined);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    if (next.length === 0) return setError('A run needs a name.');
    if (next.length > LIMITS.keyChars)
      return setError(`A run name has at most ${LIMITS.keyChars} characters.`);
    if (next === name) return cancel();
    setSaving(true);
    onSave(next).then(
      () => {
        setSaving(false);
        cancel();
      },
      (e: unknown) => {
        setSaving(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  return (
    <form className="run-title" onSubmit={submit}>
      <label>
        Run name{' '}
        <input
          value={draft}
          // The user just asked to edit it.
          autoFocus
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? undefined : errorId}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        />
      </label>
      <button type="submit" className="primary" disabled={saving}>
        Save name
      </button>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
      {error !== undefined && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
