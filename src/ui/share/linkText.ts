/** What the Share button and the classroom dialog both do with a draft before it goes in a link. */
import type { Draft } from '../draft/draft';

/**
 * The draft with a seed: a link reproduces a run only with one, so a draft without is given a
 * random one (`fixed` says so, for the note beside the link).
 */
export function withSeed(draft: Draft): { draft: Draft; seed: string; fixed: boolean } {
  if (draft.settings.seed.trim() !== '') return { draft, seed: draft.settings.seed, fixed: false };
  const seed = String(Math.floor(Math.random() * 2 ** 31));
  return { draft: { ...draft, settings: { ...draft.settings, seed } }, seed, fixed: true };
}

/** This page's address with `fragment`. */
export const pageLink = (fragment: string): string => `${location.origin}${location.pathname}${fragment}`;

/** Copies `link`; false when the clipboard refuses (the field beside it still has the link). */
export async function copyLink(link: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(link);
    return true;
  } catch {
    return false;
  }
}
