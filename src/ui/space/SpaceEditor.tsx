import { useId, useMemo } from 'react';
import { CodeEditor } from '../editor/CodeEditor';
import type { SpaceCheck } from '../run/useSourceChecks';
import { SpaceView } from './SpaceView';

interface Props {
  text: string;
  onText: (text: string) => void;
  language: 'typescript' | 'javascript';
  check: SpaceCheck;
}

/** The space as code (evaluated in the sandbox as you type) beside its live view. */
export function SpaceEditor({ text, onText, language, check }: Props) {
  const helpId = useId();
  const problemId = useId();
  const problems = useMemo(() => (check.problem === undefined ? [] : [check.problem]), [check.problem]);
  return (
    <div className="space-editor">
      <div className="editor">
        <CodeEditor
          label="Search space"
          value={text}
          onChange={onText}
          language={language}
          problems={problems}
          describedBy={check.problem === undefined ? helpId : `${helpId} ${problemId}`}
        />
        <p id={helpId} className="hint">
          Default-export the space, built with <code>hp.*</code> from <code>&apos;hyperopt&apos;</code>. Hover
          an <code>hp.*</code> call for its docs; type <code>hp.</code> for the list.
        </p>
        {check.problem !== undefined && (
          <p id={problemId} className="error" role="alert" aria-label="Search space problem">
            {check.problem.line !== undefined && <strong>Line {check.problem.line}: </strong>}
            {check.problem.message}
          </p>
        )}
      </div>
      <div className="space-live" aria-busy={check.status === 'checking'}>
        {check.compiled !== undefined ? (
          <SpaceView space={check.compiled} />
        ) : (
          <p className="empty-state">
            {check.status === 'error'
              ? 'Fix the space to see its parameters.'
              : 'Evaluating the space in the sandbox…'}
          </p>
        )}
      </div>
    </div>
  );
}
