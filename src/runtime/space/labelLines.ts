/**
 * Where a hyperparameter is defined in a space module: the line of the `hp.kind('label', …)` call,
 * so that a SpaceError naming a label is shown at that line. A text search, not a parse: labels are
 * string literals in the hp call in every space people write; when none matches, no line is given.
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 1-based line of the first `hp.<kind>(<quote>label<quote>` in `source`, or undefined. */
export function lineOfLabel(source: string, label: string): number | undefined {
  const pattern = new RegExp(`hp\\s*\\.\\s*[A-Za-z]+\\s*\\(\\s*(['"\`])${escape(label)}\\1`);
  const match = pattern.exec(source);
  if (match === null) return undefined;
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < match.index; i = source.indexOf('\n', i + 1)) line += 1;
  return line;
}
