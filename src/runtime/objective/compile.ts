/**
 * Turns the user's objective module (TypeScript or JavaScript, ES module syntax) into a CommonJS
 * function body the trial worker can run, with sucrase. Sucrase is chosen over the TypeScript
 * compiler (megabytes, slow to start in a worker) and Babel (larger, needs source maps to keep
 * lines): it strips types and rewrites imports in one fast pass and keeps every line where it was,
 * so an error's line in the compiled code is the user's line, with no source map.
 */
import { transform } from 'sucrase';

export { TRIAL_WORKER_GLOBAL, wrapObjective } from './wrapper';

export type ObjectiveLanguage = 'typescript' | 'javascript';

/** The user's code failed to compile; `line` is 1-based in the user's source when known. */
export class ObjectiveCompileError extends Error {
  override name = 'ObjectiveCompileError';
  constructor(
    readonly problem: string,
    readonly line: number | undefined,
  ) {
    super(
      `The objective has a syntax error${line === undefined ? '' : ` at line ${line}`}: ${problem}. ` +
        'Fix it and run again.',
    );
  }
}

export interface CompiledObjective {
  /** CommonJS body: reads `exports`, `require` and `module`; same line numbers as the source. */
  code: string;
  /** Lines of the user's source (bounds the line numbers errors may report). */
  lineCount: number;
}

/** Sucrase reports `Unexpected token (3:5)`; the position is 1-based line, 0-based column. */
function sucraseLine(error: unknown): number | undefined {
  const loc = (error as { loc?: { line?: unknown } }).loc;
  return typeof loc?.line === 'number' ? loc.line : undefined;
}

/** The largest objective source accepted (characters): the whole module travels to every worker. */
export const MAX_OBJECTIVE_CHARS = 200_000;

/** Compiles an objective module. @throws ObjectiveCompileError */
export function compileObjective(source: string, language: ObjectiveLanguage): CompiledObjective {
  if (source.length > MAX_OBJECTIVE_CHARS) {
    throw new ObjectiveCompileError(
      `the source is ${source.length} characters, over the limit of ${MAX_OBJECTIVE_CHARS}`,
      undefined,
    );
  }
  let code: string;
  try {
    code = transform(source, {
      transforms: language === 'typescript' ? ['typescript', 'imports'] : ['imports'],
      // Chromium runs modern syntax natively; leaving it alone keeps the output closest to the input.
      disableESTransforms: true,
      production: true,
      filePath: language === 'typescript' ? 'objective.ts' : 'objective.js',
    }).code;
  } catch (error) {
    const message =
      error instanceof Error
        ? error.message.replace(/^Error transforming [^:]+: /, '').replace(/\s*\(\d+:\d+\)$/, '')
        : String(error);
    throw new ObjectiveCompileError(message, sucraseLine(error));
  }
  const lineCount = source.split('\n').length;
  const compiledLines = code.split('\n').length;
  if (compiledLines !== lineCount) {
    // Sucrase promises to keep lines; if a future version did not, error lines would be wrong.
    throw new Error(`Objective compilation changed the line count (${lineCount} -> ${compiledLines}).`);
  }
  return { code, lineCount };
}
