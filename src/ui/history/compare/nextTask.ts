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
