import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { QueryError } from '../../tracking';
import { suggest, type KeyCatalog, type Suggestions } from './suggest';

/**
 * The search box: MLflow's filter syntax, with a combobox of suggestions (entities, then the
 * params, metrics and tags keys the history has) while an identifier is typed. The filter applies
 * on Enter; a filter that does not parse is shown with a caret under the column it failed at.
 */
export function SearchBox({
  applied,
  error,
  catalog,
  onApply,
  onFirstFocus,
}: {
  applied: string;
  error: QueryError | undefined;
  catalog: () => KeyCatalog;
  onApply: (filter: string) => void;
  onFirstFocus: () => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(applied);
  const [list, setList] = useState<Suggestions | undefined>(undefined);
  const [active, setActive] = useState(-1);
  const focusedOnce = useRef(false);
  const [seen, setSeen] = useState(applied);
  if (seen !== applied) {
    // The filter changed from outside (Back, a link): show it.
    setSeen(applied);
    setText(applied);
  }

  const open = list !== undefined && list.items.length > 0;
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  const refresh = (value: string, cursor: number) => {
    setList(suggest(value, cursor, catalog()));
    setActive(-1);
  };
  const close = () => {
    setList(undefined);
    setActive(-1);
  };
  const accept = (index: number) => {
    if (list === undefined) return;
    const item = list.items[index];
    if (item === undefined) return;
    const needsSpace = !item.insert.endsWith('.') && list.to >= text.length;
    const next = text.slice(0, list.from) + item.insert + (needsSpace ? ' ' : '') + text.slice(list.to);
    const cursor = list.from + item.insert.length + (needsSpace ? 1 : 0);
    setText(next);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(cursor, cursor);
    });
    if (item.insert.endsWith('.')) refresh(next, cursor);
    else close();
  };
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    close();
    onApply(text.trim());
  };
  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return refresh(text, e.currentTarget.selectionStart ?? text.length);
      const n = list.items.length;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      accept(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  };

  const column = error?.column;
  return (
    <form className="history-search" role="search" aria-label="Runs" onSubmit={submit}>
      <label htmlFor={`${id}-input`}>Search runs</label>
      <div className="history-search-row">
        <div className="combobox">
          <input
            ref={input}
            id={`${id}-input`}
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
            aria-invalid={error !== undefined}
            aria-describedby={error !== undefined ? `${errorId} ${hintId}` : hintId}
            placeholder="metrics.loss < 0.1 and params.algo = 'hyperopt.tpe'"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              refresh(e.target.value, e.target.selectionStart ?? e.target.value.length);
            }}
            onKeyDown={keyDown}
            onFocus={() => {
              if (!focusedOnce.current) {
                focusedOnce.current = true;
                onFirstFocus();
              }
            }}
            onBlur={close}
          />
          <ul id={listId} role="listbox" aria-label="Suggestions" className="suggestions" hidden={!open}>
            {open &&
              list.items.map((item, i) => (
                <li
                  key={item.insert}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  // mousedown, not click: the input must keep focus (blur closes the list).
                  onMouseDown={(e) => {
                    e.preventDefault();
                    accept(i);
                  }}
                >
                  <code>{item.insert}</code> <span className="muted">{item.detail}</span>
                </li>
              ))}
          </ul>
        </div>
        <button type="submit">Search</button>
        {applied !== '' && (
          <button
            type="button"
            aria-label="Clear the search"
            onClick={() => {
              setText('');
              close();
              onApply('');
            }}
          >
            Clear
          </button>
        )}
      </div>
      <p id={hintId} className="hint">
        MLflow&apos;s search syntax: conditions joined by AND, e.g. <code>metrics.loss &lt; 0.1</code>,{' '}
        <code>params.algo = &apos;hyperopt.tpe&apos;</code> (params and tags are text),{' '}
        <code>attributes.status = &apos;FINISHED&apos;</code>.
      </p>
      {error !== undefined && (
        <div id={errorId} className="error query-error" role="alert">
          <p>Bad query: {error.message}.</p>
          {column !== undefined && (
            <pre aria-hidden="true">
              {applied}
              {'\n'}
              {' '.repeat(Math.max(0, column - 1))}^
            </pre>
          )}
        </div>
      )}
    </form>
  );
}
