/**
 * Test support (not exported from the package index) for the asynchronous fmin tests: objectives
 * that take fake time, and a way to run the fake timers until a run settles.
 */
import { afterEach, beforeEach, vi } from 'vitest';

/** Fake timers in every test of the calling file (real ones restored after each). */
export function useFakeTimersEachTest(): void {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

// core is compiled without timer types (its code takes an injected setTimer); tests run where the
// global exists, and the fake timers replace it.
declare function setTimeout(callback: () => void, ms: number): unknown;

/** A promise that resolves after `ms` of (fake) time. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * An objective whose n-th call takes `duration(n)` ms of (fake) time and returns `loss(x, n)` (thrown
 * if it is an Error), tracking how many calls run at once.
 */
export function timed(
  duration: (call: number) => number,
  loss: (x: number, call: number) => unknown = (x) => x,
) {
  const stats = { running: 0, maxRunning: 0, calls: 0 };
  const fn = async (c: { x: number }) => {
    const call = stats.calls++;
    stats.running += 1;
    stats.maxRunning = Math.max(stats.maxRunning, stats.running);
    await sleep(duration(call));
    stats.running -= 1;
    const value = loss(c.x, call);
    if (value instanceof Error) throw value;
    return value;
  };
  return { fn, stats };
}

/** Runs the fake timers until the run settles. */
export async function settle<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined); // the caller awaits it; avoid an "unhandled" report meanwhile
  await vi.runAllTimersAsync();
  return promise;
}
