/**
 * A tiny pretty-printer shared by the Python and TypeScript generators: a bracketed group prints on
 * one line when it fits the width, otherwise one item per line with a trailing comma (the style of
 * both Black and Prettier). A call whose last argument is a bracketed group "hugs" it
 * (`hp.choice('model', [` … `])`), which is how people write nested spaces by hand.
 */

/** A printable fragment: text, a bracketed group, or text glued before a fragment. */
export type Doc = string | Group | Concat;

export interface Group {
  readonly type: 'group';
  readonly open: string;
  readonly close: string;
  readonly items: readonly Doc[];
  /** Keep the last item on the opening line when it is a group that breaks (calls). */
  readonly hug: boolean;
  /** Spaces inside the brackets on one line (`{ a: 1 }`, Prettier's object style). */
  readonly pad: boolean;
}

export interface Concat {
  readonly type: 'concat';
  readonly prefix: string;
  readonly doc: Doc;
}

export const group = (
  open: string,
  items: readonly Doc[],
  close: string,
  hug = false,
  pad = false,
): Group => ({
  type: 'group',
  open,
  close,
  items,
  hug,
  pad,
});

export const concat = (prefix: string, doc: Doc): Doc => ({ type: 'concat', prefix, doc });

/** The fragment on one line. */
export function flat(doc: Doc): string {
  if (typeof doc === 'string') return doc;
  if (doc.type === 'concat') return doc.prefix + flat(doc.doc);
  if (doc.items.length === 0) return doc.open + doc.close;
  const inner = doc.items.map(flat).join(', ');
  return doc.pad ? `${doc.open} ${inner} ${doc.close}` : `${doc.open}${inner}${doc.close}`;
}

export interface LayoutOptions {
  /** Maximum line length. */
  width: number;
  /** One level of indentation. */
  indent: string;
}

/**
 * The fragment laid out from column `column` at nesting `depth`; `reserve` characters follow it on
 * its last line (a comma, a closing bracket), so they are counted when deciding whether it fits.
 */
export function render(doc: Doc, options: LayoutOptions, depth = 0, column = 0, reserve = 0): string {
  if (typeof doc === 'string') return doc;
  if (doc.type === 'concat')
    return doc.prefix + render(doc.doc, options, depth, column + doc.prefix.length, reserve);
  const oneLine = flat(doc);
  if (column + oneLine.length + reserve <= options.width || doc.items.length === 0) return oneLine;
  const last = doc.items[doc.items.length - 1]!;
  if (doc.hug && typeof last !== 'string' && last.type === 'group') {
    const head =
      doc.open +
      doc.items
        .slice(0, -1)
        .map((item) => `${flat(item)}, `)
        .join('');
    if (column + head.length + last.open.length <= options.width) {
      const tail = render(last, options, depth, column + head.length, doc.close.length + reserve);
      return head + tail + doc.close;
    }
  }
  const inner = options.indent.repeat(depth + 1);
  const lines = doc.items.map((item) => `${inner}${render(item, options, depth + 1, inner.length, 1)},`);
  return `${doc.open}\n${lines.join('\n')}\n${options.indent.repeat(depth)}${doc.close}`;
}
