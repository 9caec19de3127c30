import { useId } from 'react';

interface Props {
  text: string;
  onText: (text: string) => void;
  /** Why the document is not a valid space, if it is not. */
  problem: string | undefined;
}

/** The search space as its JSON document (the visual space editor comes later). */
export function SpaceEditor({ text, onText, problem }: Props) {
  const id = useId();
  const helpId = useId();
  const problemId = useId();
  return (
    <div className="editor">
      <label htmlFor={id}>Search space (JSON document)</label>
      <textarea
        id={id}
        className="code"
        value={text}
        spellCheck={false}
        rows={14}
        aria-invalid={problem !== undefined}
        aria-describedby={problem === undefined ? helpId : `${helpId} ${problemId}`}
        onChange={(e) => onText(e.target.value)}
      />
      <p id={helpId} className="hint">
        A space document as <code>toSpaceDocument(space)</code> writes it: each hyperparameter is an object
        with <code>$hp</code> (uniform, loguniform, quniform, choice, …) and its label. A visual space editor
        arrives with the space editor issue.
      </p>
      {problem !== undefined && (
        <p id={problemId} className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
