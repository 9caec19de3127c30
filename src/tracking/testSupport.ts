/**
 * Helpers for the tracking unit tests: an isolated fake-indexeddb factory per test, a manual clock
 * and predictable ids. Imported only by *.test.ts files.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { IdbRunStore } from './idb/idbRunStore';
import type { IdbRunStoreOptions } from './idb/idbRunStore';

export interface TestClock {
  (): number;
  advance(ms: number): void;
  set(ms: number): void;
}

/** A clock that only moves when told. */
export function manualClock(start = 1_700_000_000_000): TestClock {
  let now = start;
  const clock = (() => now) as TestClock;
  clock.advance = (ms) => void (now += ms);
  clock.set = (ms) => void (now = ms);
  return clock;
}

/** Ids r0001, r0002, … (sortable, so orders in tests are readable). */
export function sequentialIds(prefix = 'r'): () => string {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(4, '0')}`;
}

/** A store on a fresh fake IndexedDB. */
export async function openTestStore(
  options: IdbRunStoreOptions = {},
): Promise<IdbRunStore & { factory: IDBFactory }> {
  const factory = options.factory ?? new IDBFactory();
  const store = await IdbRunStore.open({ clock: manualClock(), newId: sequentialIds(), ...options, factory });
  return Object.assign(store, { factory });
}
