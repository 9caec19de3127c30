/** The global the trial worker runtime defines; the wrapped objective registers itself with it. */
export const TRIAL_WORKER_GLOBAL = '__hyperoptTrialWorker';

/**
 * Wraps compiled objective code (CommonJS body) as a call the trial worker runtime receives. The
 * header shares the user's first line, so user line N is line N of the wrapped text (the sandbox
 * adds its own offset for the library bundle in front).
 */
export function wrapObjective(compiled: { code: string }): string {
  return `${TRIAL_WORKER_GLOBAL}.define(function (exports, require, module) {${compiled.code}\n});\n`;
}
