/**
 * Autocompletion and hover docs for the editors: `hp.`, `scope.` and `run.` members with snippets,
 * and the module names in `import … from '…'`.
 */
import { snippetCompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import { API_DOCS, IMPORTABLE, findDoc } from './apiDocs';

function members(context: CompletionContext): CompletionResult | null {
  const match = context.matchBefore(/\b(hp|scope|run)\.\w*$/);
  if (match === null) return null;
  const ns = match.text.slice(0, match.text.indexOf('.'));
  return {
    from: match.from + ns.length + 1,
    options: API_DOCS.filter((d) => d.ns === ns).map((d) =>
      snippetCompletion(d.snippet, { label: d.name, detail: d.signature, info: d.doc, type: 'function' }),
    ),
    validFor: /^\w*$/,
  };
}

function modules(context: CompletionContext): CompletionResult | null {
  const match = context.matchBefore(/from\s+['"][\w-]*$/);
  if (match === null) return null;
  const quote = Math.max(match.text.lastIndexOf("'"), match.text.lastIndexOf('"'));
  return {
    from: match.from + quote + 1,
    options: IMPORTABLE.map(([name, exports]) => ({ label: name, detail: exports, type: 'namespace' })),
    validFor: /^[\w-]*$/,
  };
}

/** Completion sources for both editors, added next to the language's own. */
export const hyperoptCompletions = EditorState.languageData.of(() => [
  { autocomplete: members },
  { autocomplete: modules },
]);

/** Hover docs for `hp.kind`, `scope.int` and `run.method`. */
export const hyperoptHover = hoverTooltip((view, pos): Tooltip | null => {
  const line = view.state.doc.lineAt(pos);
  const re = /\b(hp|scope|run)\s*\.\s*(\w+)/g;
  for (let m = re.exec(line.text); m !== null; m = re.exec(line.text)) {
    const from = line.from + m.index;
    const to = from + m[0].length;
    if (pos < from || pos > to) continue;
    const doc = findDoc(m[1]!, m[2]!);
    if (doc === undefined) return null;
    return {
      pos: from,
      end: to,
      above: true,
      create() {
        const dom = document.createElement('div');
        dom.className = 'cm-api-doc';
        const title = document.createElement('code');
        title.textContent = doc.signature;
        const text = document.createElement('p');
        text.textContent = doc.doc;
        dom.append(title, text);
        return { dom };
      },
    };
  }
  return null;
});
