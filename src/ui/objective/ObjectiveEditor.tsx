import { useId } from 'react';

interface Props {
  source: string;
  language: 'typescript' | 'javascript';
  onSource: (source: string) => void;
  onLanguage: (language: 'typescript' | 'javascript') => void;
  /** A compile error to show, with its line. */
  error: string | undefined;
}

/** A plain editor for the objective module (CodeMirror arrives with the editor issue). */
export function ObjectiveEditor({ source, language, onSource, onLanguage, error }: Props) {
  const id = useId();
  const helpId = useId();
  const languageId = useId();
  const errorId = useId();
  return (
    <div className="editor">
      <div className="editor-bar">
        <label htmlFor={id}>Objective code</label>
        <label htmlFor={languageId} className="inline-label">
          Language{' '}
          <select
            id={languageId}
            value={language}
            onChange={(e) => onLanguage(e.target.value === 'javascript' ? 'javascript' : 'typescript')}
          >
            <option value="typescript">TypeScript</option>
            <option value="javascript">JavaScript</option>
          </select>
        </label>
      </div>
      <textarea
        id={id}
        className="code"
        value={source}
        spellCheck={false}
        wrap="off"
        rows={18}
        aria-describedby={error === undefined ? helpId : `${helpId} ${errorId}`}
        aria-invalid={error !== undefined}
        onChange={(e) => onSource(e.target.value)}
      />
      <p id={helpId} className="hint">
        Runs in a sandboxed worker, never on this page. Ctrl+Enter (⌘+Enter) runs, Esc stops.
      </p>
      {error !== undefined && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
