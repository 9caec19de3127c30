/**
 * The `ids` parameter of `?view=compare&ids=<id1>,<id2>`: untrusted text from a URL, read here once
 * into distinct run ids plus a sentence for each piece that is not one.
 */

/** Run ids are MLflow's 32 hex digits here; imported runs keep theirs, so accept any short token. */
const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** More runs than this make every chart unreadable; the rest are named as left out. */
export const MAX_COMPARED = 12;
/** Ids read from one URL at most (a selection with children may list many; the URL caps it anyway). */
const MAX_IDS = 500;

export interface CompareIds {
  ids: string[];
  problems: string[];
}

const quote = (text: string) => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

export function parseCompareIds(param: string | undefined): CompareIds {
  const ids: string[] = [];
  const problems: string[] = [];
  const pieces = (param ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const piece of pieces) {
    if (!RUN_ID.test(piece)) problems.push(`${quote(piece)} is not a run id.`);
    else if (!ids.includes(piece) && ids.length < MAX_IDS) ids.push(piece);
  }
  return { ids, problems };
}

/** The `ids` parameter for these runs. */
export function formatCompareIds(ids: readonly string[]): string {
  return ids.join(',');
}

/**
 * Which of the runs named in the URL to compare. A child listed with its parent (a selection that
 * took children along) is part of that parent's comparison and is dropped without a word; any
 * other trial, an id not found, and runs beyond MAX_COMPARED get a sentence each.
 */
export function chooseCompared<
  R extends { id: string; name: string; parentRunId: string | null; trial: unknown },
>(ids: readonly string[], found: ReadonlyMap<string, R>): { runs: R[]; problems: string[] } {
  const listed = new Set(ids);
  const runs: R[] = [];
  const problems: string[] = [];
  for (const id of ids) {
    const run = found.get(id);
    if (run === undefined) problems.push(`Run ${id} was not found: it may have been deleted.`);
    else if (run.parentRunId !== null && listed.has(run.parentRunId)) continue;
    else if (run.trial !== null)
      problems.push(`“${run.name}” is a trial, not an fmin run: compare its parent run instead.`);
    else if (runs.length >= MAX_COMPARED)
      problems.push(`“${run.name}” is left out: at most ${MAX_COMPARED} runs are compared at once.`);
    else runs.push(run);
  }
  return { runs, problems };
}
