/**
 * The `ids` parameter of `?view=compare&ids=<id1>,<id2>`: untrusted text from a URL, read here once
 * into distinct run ids plus a sentence for each piece that is not one.
 */

/** Run ids are MLflow's 32 hex digits here; imported runs keep theirs, so accept any short token. */
const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** More runs than this make every chart unreadable; the rest are named as left out. */
export const MAX_COMPARED = 12;

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
    else if (ids.includes(piece)) continue;
    else if (ids.length >= MAX_COMPARED)
      problems.push(`Run ${piece} is left out: at most ${MAX_COMPARED} runs are compared at once.`);
    else ids.push(piece);
  }
  return { ids, problems };
}

/** The `ids` parameter for these runs. */
export function formatCompareIds(ids: readonly string[]): string {
  return ids.join(',');
}
