import { useEffect, useState } from 'react';

/**
 * A promise that settles in a new task, after the browser has had its turn (input, rendering): long
 * computations await it between slices so no single task blocks the page. A MessageChannel message
 * rather than setTimeout(0), which browsers clamp to 4 ms after a few nested calls.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Milliseconds of work a slice does before it yields: well under a 50 ms long task. */
export const SLICE_MS = 12;

/**
 * Runs `steps` in order, yielding to the browser whenever a slice has run for `SLICE_MS`; stops
 * (resolving false) as soon as `cancelled()` says so, true when every step ran.
 */
export async function runSliced(
  steps: readonly (() => void)[],
  cancelled: () => boolean,
  sliceMs = SLICE_MS,
): Promise<boolean> {
  let sliceStart = performance.now();
  for (const step of steps) {
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTask();
      sliceStart = performance.now();
    }
    if (cancelled()) return false;
    step();
  }
  return !cancelled();
}

/**
 * False until a task after the first render with this `key` (a non-empty string), then true for as
 * long as the key stays: a heavy part of a view mounts after the rest has painted, not with it.
 */
export function useAfterFirstPaint(key: string): boolean {
  const [shownFor, setShownFor] = useState<string>();
  useEffect(() => {
    if (key === '') return;
    let live = true;
    void nextTask().then(() => live && setShownFor(key));
    return () => {
      live = false;
    };
  }, [key]);
  return key !== '' && shownFor === key;
}

/** A promise that settles at the next animation frame. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Runs `steps` one animation frame each, stopping when `cancelled()` says so. A canvas rasterises
 * what was drawn on it when the frame is painted (in software, on the main thread), so tens of
 * thousands of lines drawn at once make one long frame however quickly the script ran; a frame's
 * worth at a time keeps each short.
 */
export async function runFramed(steps: readonly (() => void)[], cancelled: () => boolean): Promise<void> {
  for (const step of steps) {
    await nextFrame();
    if (cancelled()) return;
    step();
  }
}
