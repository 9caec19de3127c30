import { useId, useState, type FormEvent } from 'react';
import { TAG_PARENT_RUN_ID, type Run } from '../../../tracking';
import { KeyValueTable, RunSection } from './KeyValueTable';
import { isSystemTag } from './runFormat';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The run's tags, the user's first and the system's (MLflow's, autologging's) muted after them,
 * with a form to add one and a button to remove each of the user's. The store checks keys and
 * bounds; its refusal shows as a sentence.
 */
export function TagsSection({
  run,
  onSetTag,
  onDeleteTag,
}: {
  run: Run;
  onSetTag: (key: string, value: string) => Promise<void>;
  onDeleteTag: (key: string) => Promise<void>;
}) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const entries = Object.entries(run.tags).sort(
    ([a], [b]) => Number(isSystemTag(a)) - Number(isSystemTag(b)) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const act = (work: () => Promise<void>, after?: () => void) => {
    setBusy(true);
    work().then(
      () => {
        setBusy(false);
        setError(undefined);
        after?.();
      },
      (e: unknown) => {
        setBusy(false);
        setError(message(e));
      },
    );
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const k = key.trim();
    if (k.length === 0) return setError('A tag needs a key.');
    if (k === TAG_PARENT_RUN_ID) return setError(`'${k}' is kept by the run history and cannot be set here.`);
    act(
      () => onSetTag(k, value),
      () => {
        setKey('');
        setValue('');
      },
    );
  };
  return (
    <RunSection title="Tags">
      <KeyValueTable
        caption="Tags"
        columns={['Tag', 'Value', '']}
        empty="No tags."
        rows={entries.map(([k, v]) => {
          const system = isSystemTag(k);
          return {
            key: k,
            secondary: system,
            cells: [
              <span key="v" className="tag-value">
                {v}
              </span>,
              system ? (
                <span key="s" className="muted tag-action">
                  system
                </span>
              ) : (
                <button
                  key="r"
                  type="button"
                  className="small tag-action"
                  aria-label={`Remove tag ${k}`}
                  disabled={busy}
                  onClick={() => act(() => onDeleteTag(k))}
                >
                  Remove
                </button>
              ),
            ],
          };
        })}
      />
      <form className="tag-form" onSubmit={add} aria-labelledby={`${formId}-title`}>
        <span id={`${formId}-title`} className="visually-hidden">
          Add a tag
        </span>
        <label>
          Tag key <input value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
        <label>
          Tag value <input value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          Add tag
        </button>
      </form>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </RunSection>
  );
}
