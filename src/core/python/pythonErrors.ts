/** The error of "Import from Python": what is wrong, and where (1-based line and column). */
export class PythonImportError extends Error {
  override name = 'PythonImportError';
  constructor(
    readonly problem: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(line === undefined ? problem : `line ${line}, column ${column ?? 1}: ${problem}`);
  }
}

/** A place in the pasted text. */
export interface Pos {
  line: number;
  column: number;
}

/** Throws the error at `pos` (a declared function, so that TypeScript narrows after a call). */
export function failAt(pos: Pos, problem: string): never {
  throw new PythonImportError(problem, pos.line, pos.column);
}
