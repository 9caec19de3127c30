/**
 * The CodeMirror 6 editor (loaded lazily: this module and CodeMirror are their own chunk). Uncontrolled
 * inside, controlled outside: the text the parent passes replaces the document only when it differs
 * from what the editor holds (an example loaded, a link opened), so typing never round-trips.
 */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useRef } from 'react';
import { hyperoptCompletions, hyperoptHover } from './assist';
import type { CodeEditorProps } from './CodeEditor';

/** Colours from CSS variables, so the light and dark themes follow the page's. */
const highlight = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.modifier, tags.controlKeyword, tags.moduleKeyword],
    color: 'var(--syn-keyword)',
  },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syn-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--syn-number)' },
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: 'var(--syn-comment)',
    fontStyle: 'italic',
  },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--syn-function)' },
  { tag: [tags.typeName, tags.className], color: 'var(--syn-type)' },
  { tag: tags.propertyName, color: 'var(--syn-property)' },
]);

const theme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--bg)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
  },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '2px' },
  '.cm-content': { caretColor: 'var(--text)', fontFamily: 'var(--mono)', fontSize: '0.85rem' },
  '.cm-gutters': {
    backgroundColor: 'var(--panel)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--selection)' },
});

function diagnosticsFor(state: EditorState, problems: CodeEditorProps['problems']): Diagnostic[] {
  return problems.map((p) => {
    const line = state.doc.line(Math.min(Math.max(1, p.line ?? 1), state.doc.lines));
    return {
      from: line.from,
      to: line.to,
      severity: p.severity ?? 'error',
      message: p.message,
      source: p.source,
    };
  });
}

export default function CodeMirrorEditor({
  label,
  value,
  onChange,
  language,
  problems,
  describedBy,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const invalid = problems.some((p) => (p.severity ?? 'error') === 'error');
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const languageConf = useRef(new Compartment());
  const attrsConf = useRef(new Compartment());

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // Created once; later props reach it through the effects below.
  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          highlightActiveLine(),
          lintGutter(),
          // Wrapped lines and no height limit: the page scrolls, never the editor (a scrolling box
          // inside the page is one more thing to reach by keyboard).
          EditorView.lineWrapping,
          syntaxHighlighting(highlight),
          theme,
          hyperoptCompletions,
          hyperoptHover,
          // Ctrl/Cmd+Enter runs (the page's shortcut), instead of inserting a line.
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => true }])),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
          languageConf.current.of(javascript({ typescript: language === 'typescript' })),
          attrsConf.current.of(EditorView.contentAttributes.of({ 'aria-label': label })),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; the effects below sync props.
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor === null || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: languageConf.current.reconfigure(javascript({ typescript: language === 'typescript' })),
    });
  }, [language]);

  useEffect(() => {
    const attrs: Record<string, string> = { 'aria-label': label };
    if (describedBy !== undefined) attrs['aria-describedby'] = describedBy;
    if (invalid) attrs['aria-invalid'] = 'true';
    view.current?.dispatch({
      effects: attrsConf.current.reconfigure(EditorView.contentAttributes.of(attrs)),
    });
  }, [label, describedBy, invalid]);

  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    editor.dispatch(setDiagnostics(editor.state, diagnosticsFor(editor.state, problems)));
  }, [problems, value]);

  return <div ref={host} className="code-editor" data-editor={label} />;
}
