/**
 * A space document as the playground's space module (TypeScript that is also plain JavaScript):
 * what "Import from Python" puts in the Search space editor.
 */
import type { SpaceDocument } from '../space';
import { spaceExpression } from './spaceSource';

/**
 * The module that default-exports the space, written with `hp.*` (and `scope.int` when needed).
 *
 * @param note - a comment line for the top (e.g. where the space came from); omitted when empty.
 */
export function spaceToTypeScript(document: SpaceDocument, note = ''): string {
  const prefix = 'export default ';
  const { text, needs } = spaceExpression(document.space, 'typescript', prefix);
  const names = needs.scope ? 'hp, scope' : 'hp';
  const comment = note === '' ? '' : `${note.replace(/^/gm, '// ')}\n`;
  return `${comment}import { ${names} } from 'hyperopt';\n\n${prefix}${text};\n`;
}
