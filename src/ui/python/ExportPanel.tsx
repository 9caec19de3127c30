import { useId, useMemo, useState } from 'react';
import type { Draft } from '../draft/draft';
import type { SpaceCheck } from '../run/useSourceChecks';
import { exportScript } from './exportScript';

const FILE_NAME = 'hyperopt_search.py';

/** The generated script, read-only, with Copy and Download. Loaded when the dialog first opens. */
export default function ExportPanel({ draft, check }: { draft: Draft; check: SpaceCheck }) {
  const fieldId = useId();
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const result = useMemo(() => {
    if (check.status !== 'ok' || check.document === undefined) return undefined;
    try {
      return exportScript(draft, check.document);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [draft, check]);

  if (check.status === 'checking') return <p role="status">Checking the search space…</p>;
  if (result === undefined || 'error' in result)
    return (
      <p role="alert" className="error">
        {result === undefined
          ? `The search space is not valid, so there is nothing to export yet: ${check.problem?.message ?? ''}`
          : `The settings cannot be exported: ${result.error}`}
      </p>
    );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.script);
      setCopied('Script copied.');
    } catch {
      setCopied('The browser did not allow copying: select the script and copy it.');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([result.script], { type: 'text/x-python' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = FILE_NAME;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <div className="python-panel">
      <p className="hint">
        {result.example === undefined
          ? 'The space, algorithm and settings in Hyperopt syntax, with SparkTrials and MLflow. Your objective is JavaScript, so the script has a marked stub to port it in.'
          : `The space, algorithm and settings in Hyperopt syntax, with SparkTrials and MLflow, and “${result.example}” as a Python objective.`}
      </p>
      <label htmlFor={fieldId}>Python script</label>
      <textarea
        id={fieldId}
        className="code python-code"
        readOnly
        value={result.script}
        spellCheck={false}
        rows={24}
      />
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" onClick={download}>
          Download {FILE_NAME}
        </button>
        <span role="status" className="hint">
          {copied}
        </span>
      </div>
    </div>
  );
}
