import { lazy, Suspense } from 'react';

export interface EditorProblem {
  message: string;
  /** 1-based line; the first line when unknown. */
  line: number | undefined;
  source: string;
  /** 'warning' for what happened at run time (a trial failed here); 'error' by default. */
  severity?: 'error' | 'warning';
}

export interface CodeEditorProps {
  /** The editor's accessible name. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  language: 'typescript' | 'javascript';
  /** Shown inline at their lines (and, by the caller, as text below). */
  problems: readonly EditorProblem[];
  describedBy?: string;
}

// CodeMirror is loaded after the first paint, in its own chunk: the page is usable (and the
// runtime starting) before the editor arrives.
const CodeMirrorEditor = lazy(() => import('./CodeMirrorEditor'));

/** A code editor (CodeMirror 6, lazily loaded), showing the code as text until it arrives. */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <pre className="code-editor code-loading" aria-label={`${props.label} (loading the editor)`}>
          {props.value}
        </pre>
      }
    >
      <CodeMirrorEditor {...props} />
    </Suspense>
  );
}
