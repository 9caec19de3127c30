/**
 * The draft saved as you go, in localStorage (small, synchronous, read before the first render so
 * the editors open with it). Written at most every SAVE_MS; read through decodeDraft.
 */
import { decodeDraft, type Draft } from './draft';

const KEY = 'hyperopt-playground:draft';
export const SAVE_MS = 300;

/** The saved draft, or undefined when there is none or it cannot be read (then it is ignored). */
export function loadDraft(cores: number): Draft | undefined {
  try {
    const text = localStorage.getItem(KEY);
    return text === null ? undefined : decodeDraft(JSON.parse(text), cores);
  } catch {
    return undefined;
  }
}

/** Saves the draft; false when the browser refused (storage full or disabled). */
export function saveDraft(draft: Draft): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}
