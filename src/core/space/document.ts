/**
 * The versioned envelope in which a space crosses a boundary (URL, IndexedDB, worker message).
 */
import { SpaceError, describeValue } from './errors';
import { compileSpace, isCompiledSpace } from './validate';
import type { CompiledSpace, SpaceDocument, SpaceNode } from './types';

/** The `format` tag of a {@link SpaceDocument}. */
export const SPACE_DOCUMENT_FORMAT = 'hyperopt-space';
/** The only document version this code reads and writes. */
export const SPACE_DOCUMENT_VERSION = 1;

/**
 * Wraps a space (validated first) in a {@link SpaceDocument}, ready for `JSON.stringify`.
 *
 * @throws SpaceError when the space is invalid.
 */
export function toSpaceDocument(node: SpaceNode | CompiledSpace): SpaceDocument {
  const space = isCompiledSpace(node) ? node.root : compileSpace(node).root;
  return { format: SPACE_DOCUMENT_FORMAT, version: SPACE_DOCUMENT_VERSION, space };
}

/**
 * Reads a {@link SpaceDocument} (e.g. the result of `JSON.parse`) and compiles its space.
 *
 * @throws SpaceError with path `document` for a wrong envelope (not an object, another format,
 *   another version, no space), or the space's own validation error.
 */
export function parseSpaceDocument(json: unknown): CompiledSpace {
  const fail = (path: string, problem: string): never => {
    throw new SpaceError({ label: null, path, problem });
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('document', `a space document must be an object (got ${describeValue(json)})`);
  }
  const doc = json as Record<string, unknown>;
  if (doc.format !== SPACE_DOCUMENT_FORMAT) {
    fail(
      'document.format',
      `not a space document: format must be '${SPACE_DOCUMENT_FORMAT}' (got ${describeValue(doc.format)})`,
    );
  }
  if (doc.version !== SPACE_DOCUMENT_VERSION) {
    fail(
      'document.version',
      `unsupported space document version ${describeValue(doc.version)} (this version reads version ${SPACE_DOCUMENT_VERSION})`,
    );
  }
  if (!Object.hasOwn(doc, 'space')) fail('document.space', 'the document has no space');
  return compileSpace(doc.space as SpaceNode);
}
