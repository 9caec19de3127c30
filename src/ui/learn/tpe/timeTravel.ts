/**
 * Which trial the topic shows, and stepping through the run: Previous/Next, the Trial slider and
 * the arrow keys all move through the same ordered list of trials.
 */

export interface TimeTravel {
  /** Trials that can be explained, ascending. */
  tids: readonly number[];
  /** Position in `tids`. */
  index: number;
}

/** Starts at `requested` (e.g. from the URL) when it is in the list, else at `fallback` or the last. */
export function startAt(
  tids: readonly number[],
  requested: number | undefined,
  fallback?: number,
): TimeTravel {
  const pick = (tid: number | undefined) => (tid === undefined ? -1 : tids.indexOf(tid));
  let index = pick(requested);
  if (index < 0) index = pick(fallback);
  if (index < 0) index = tids.length - 1;
  return { tids, index: Math.max(0, index) };
}

/** Moves by `delta` trials, staying inside the list. */
export function step(state: TimeTravel, delta: number): TimeTravel {
  const index = Math.min(Math.max(state.index + delta, 0), Math.max(state.tids.length - 1, 0));
  return index === state.index ? state : { ...state, index };
}

/** Moves to trial `tid`, or to the nearest trial at or after it (the slider may land between ids). */
export function moveTo(state: TimeTravel, tid: number): TimeTravel {
  let index = state.tids.findIndex((t) => t >= tid);
  if (index < 0) index = state.tids.length - 1;
  return index === state.index ? state : { ...state, index: Math.max(0, index) };
}

export const currentTid = (state: TimeTravel): number | undefined => state.tids[state.index];

/** A trial number from a URL parameter: a whole number, or undefined. */
export function parseTid(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,9}$/.test(text)) return undefined;
  return Number(text);
}
