import { useId, useMemo } from 'react';
import { CodeEditor, type EditorProblem } from '../editor/CodeEditor';

interface Props {
  source: string;
  language: 'typescript' | 'javascript';
  onSource: (source: string) => void;
  onLanguage: (language: 'typescript' | 'javascript') => void;
  /** Syntax errors, each shown at its line and as text below. */
  problems: readonly EditorProblem[];
  /** Lines where trials of the last run failed (shown in the editor only). */
  warnings: readonly EditorProblem[];
}

/** The objective module in a code editor, with its language (which the space module shares). */
export function ObjectiveEditor({ source, language, onSource, onLanguage, problems, warnings }: Props) {
  const marked = useMemo(() => [...problems, ...warnings], [problems, warnings]);
  const helpId = useId();
  const languageId = useId();
  const errorId = useId();
  return (
    <div className="editor">
      <div className="editor-bar">
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
      <CodeEditor
        label="Objective"
        value={source}
        onChange={onSource}
        language={language}
        problems={marked}
        describedBy={problems.length === 0 ? helpId : `${helpId} ${errorId}`}
      />
      <p id={helpId} className="hint">
        Runs in a sandboxed worker, never on this page. Type <code>run.</code> for the logging API. Ctrl+Enter
        (⌘+Enter) runs, Esc stops.
      </p>
      {problems.length > 0 && (
        <p id={errorId} className="error" role="alert">
          {problems.map((p) => p.message).join(' ')}
        </p>
      )}
    </div>
  );
}
