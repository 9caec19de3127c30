/**
 * The one error type of the space language. It names the hyperparameter (when there is one) and the
 * problem separately so that the UI can point at the offending expression, and it keeps a message
 * in the form `hp.uniform 'lr': low (3) must be less than high (1)`.
 */
export class SpaceError extends Error {
  /** Label of the offending hyperparameter, or null when the problem is not in a labelled expression. */
  readonly label: string | null;
  /** The problem alone, without the label or path prefix. */
  readonly problem: string;
  /** Where in the space the problem is, e.g. `space.layers[2]` (`space` is the root). */
  readonly path: string;
  /** The `$hp` kind of the offending expression, when known. */
  readonly kind: string | null;

  constructor(options: { label: string | null; problem: string; path: string; kind?: string | null }) {
    const kind = options.kind ?? null;
    const prefix =
      options.label !== null
        ? `${kind === null ? 'hp' : describeKind(kind)} '${options.label}'`
        : options.path;
    super(`${prefix}: ${options.problem}`);
    this.name = 'SpaceError';
    this.label = options.label;
    this.problem = options.problem;
    this.path = options.path;
    this.kind = kind;
  }
}

/** How users write a kind: `hp.uniform`, and `scope.int` for the cast. */
export function describeKind(kind: string): string {
  return kind === 'int' ? 'scope.int' : `hp.${kind}`;
}

/** Name of the root in paths. */
export const ROOT_PATH = 'space';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `space.a` for identifier keys, `space["a b"]` otherwise. */
export function keyPath(parent: string, key: string): string {
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** `space.layers[2]`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** A short description of a bad value for messages: numbers as is, strings quoted, others by type. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : String(typeof value);
}
