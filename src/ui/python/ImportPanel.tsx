import { useId, useState } from 'react';
import { PythonImportError, parsePythonSpace, spaceToTypeScript } from '../../core/python';

const EXAMPLE = `from hyperopt import hp
import numpy as np

space = {
    "lr": hp.loguniform("lr", np.log(1e-4), np.log(1e-1)),
    "model": hp.choice("model", [
        {"type": "svm", "C": hp.lognormal("C", 0, 1)},
        {"type": "tree", "depth": scope.int(hp.quniform("depth", 2, 12, 1))},
    ]),
}`;

/**
 * A paste box for a space written in Python; Import puts the same space, as hp.* TypeScript, in the
 * Search space editor (the previous code is kept to restore). A paste it cannot read changes nothing
 * and says which construct, where.
 */
export default function ImportPanel({ onImport }: { onImport: (spaceSource: string) => void }) {
  const fieldId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = () => {
    try {
      const document = parsePythonSpace(text);
      setError(undefined);
      onImport(
        spaceToTypeScript(document, 'Imported from Python: the same space, in the playground’s hp.* syntax.'),
      );
    } catch (problem) {
      if (!(problem instanceof PythonImportError)) throw problem;
      setError(problem.message);
    }
  };
  return (
    <form
      className="python-panel"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={fieldId}>Python space</label>
      <p id={hintId} className="hint">
        hp.* calls, dicts, lists, tuples, numbers, strings, True/False/None, np.log or math.log of numbers and
        scope.int; import lines and comments are skipped. Import replaces the Search space only (your
        objective and settings stay), and keeps your code to restore.
      </p>
      <textarea
        id={fieldId}
        className="code python-code"
        value={text}
        aria-describedby={hintId}
        aria-invalid={error !== undefined}
        spellCheck={false}
        rows={16}
        onChange={(event) => setText(event.target.value)}
      />
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={text.trim() === ''}>
          Import
        </button>
        <button
          type="button"
          onClick={() => {
            setText(EXAMPLE);
            setError(undefined);
          }}
        >
          Show an example
        </button>
      </div>
    </form>
  );
}
