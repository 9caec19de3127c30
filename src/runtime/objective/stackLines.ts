/**
 * Maps an error's stack back to the user's line. In the trial worker, the script is the library
 * bundle followed by the wrapped objective, whose first line is `firstLine` of the script; since
 * sucrase keeps lines, script line L is user line L - firstLine + 1. Dependency-free: it runs inside
 * the sandbox as part of the trial worker bundle.
 */

// "    at objective (blob:null/1f0c…:1234:15)", "    at blob:null/1f0c…:12:3", "fn@blob:…:12:3".
const FRAME = /((?:blob|https?|file):[^\s()]+?):(\d+):(\d+)\)?\s*$/;

/**
 * The user's line of the innermost stack frame that lies in the objective, or undefined when none
 * does (the error came from the runtime or a library called outside user code).
 *
 * @param stack `error.stack` as V8 (or SpiderMonkey) formats it.
 * @param scriptUrl the worker script's own URL (`self.location.href`).
 * @param firstLine 1-based script line of the objective's first line.
 * @param lineCount lines in the user's source.
 */
export function userLineFromStack(
  stack: unknown,
  scriptUrl: string,
  firstLine: number,
  lineCount: number,
): number | undefined {
  if (typeof stack !== 'string') return undefined;
  for (const frame of stack.split('\n')) {
    const match = FRAME.exec(frame);
    if (match === null || match[1] !== scriptUrl) continue;
    const line = Number(match[2]) - firstLine + 1;
    if (line >= 1 && line <= lineCount) return line;
  }
  return undefined;
}

/** The script line where the wrapped objective starts, given the text that precedes it. */
export function firstLineAfter(prefix: string): number {
  let lines = 1;
  for (let i = prefix.indexOf('\n'); i !== -1; i = prefix.indexOf('\n', i + 1)) lines += 1;
  return lines;
}
