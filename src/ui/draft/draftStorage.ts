/**
 * The draft saved as you go, in localStorage (small, synchronous, read before the first render so
 * the editors open with it). Written at most every SAVE_MS; read through decodeDraft.
 */
import { decodeDraft, type Draft } from './draft';

const KEY = 'hyperopt-playground:draft';
/** The draft an example or a link replaced, so both are kept. */
const PREVIOUS_KEY = 'hyperopt-playground:previous';
export const SAVE_MS = 300;

/** The saved draft, or undefined when there is none or it cannot be read (then it is ignored). */
export function loadDraft(cores: number, key = KEY): Draft | undefined {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : decodeDraft(JSON.parse(text), cores);
  } catch {
    return undefined;
  }
}

/** Saves the draft; false when the browser refused (storage full or disabled). */
export function saveDraft(draft: Draft, key = KEY): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** The draft that an example or a link replaced, with what replaced it. */
export interface PreviousDraft {
  draft: Draft;
  what: string;
}

export function loadPrevious(cores: number): PreviousDraft | undefined {
  const draft = loadDraft(cores, PREVIOUS_KEY);
  const what = localStorage.getItem(`${PREVIOUS_KEY}:what`) ?? 'another playground';
  return draft === undefined ? undefined : { draft, what };
}

export function savePrevious(previous: PreviousDraft | undefined): void {
  try {
    if (previous === undefined) {
      localStorage.removeItem(PREVIOUS_KEY);
      localStorage.removeItem(`${PREVIOUS_KEY}:what`);
    } else {
      saveDraft(previous.draft, PREVIOUS_KEY);
      localStorage.setItem(`${PREVIOUS_KEY}:what`, previous.what.slice(0, 200));
    }
  } catch {
    // Storage refused: the previous draft is kept for this session only.
  }
}
