/**
 * Telling a live run from a dead one. A tab running a run holds a Web Lock named after it for as
 * long as the run lives; the browser releases it the moment the tab closes, reloads or crashes, so
 * the next page load sees at once which RUNNING runs lost their tab. Where Web Locks are missing
 * (Node tests, old browsers) a heartbeat written every few seconds stands in: a RUNNING run whose
 * last beat is older than `staleAfterMs` is dead.
 */
import type { RunStore } from './runStore';
import type { Run } from './types';

/** The part of `navigator.locks` used here (injectable for tests). */
export interface LockManagerLike {
  request(name: string, options: { mode: 'exclusive' }, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

export interface LivenessOptions {
  /** Default `navigator.locks` when there is one; null forces the heartbeat. */
  locks?: LockManagerLike | null;
  /** How often a held run writes its heartbeat (default 5,000 ms). */
  heartbeatMs?: number;
  /** A heartbeat older than this means dead (default 3 × heartbeatMs). */
  staleAfterMs?: number;
  clock?: () => number;
}

/** Do not change without a migration of running tabs: the lock name of a run. */
export function runLockName(runId: string): string {
  return `hyperopt-playground:run:${runId}`;
}

function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

export class Liveness {
  private readonly locks: LockManagerLike | null;
  private readonly heartbeatMs: number;
  private readonly staleAfterMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly store: RunStore,
    options: LivenessOptions = {},
  ) {
    this.locks = options.locks === undefined ? defaultLocks() : options.locks;
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
    this.staleAfterMs = options.staleAfterMs ?? 3 * this.heartbeatMs;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * Marks run `runId` as alive in this tab until the returned release function is called: holds
   * its lock (resolving once granted) and beats its heartbeat.
   */
  async hold(runId: string): Promise<() => void> {
    let unlock = () => {};
    if (this.locks) {
      const held = new Promise<void>((granted) => {
        void this.locks!.request(runLockName(runId), { mode: 'exclusive' }, () => {
          granted();
          return new Promise<void>((resolve) => (unlock = resolve));
        });
      });
      await held;
    }
    const beat = () =>
      void this.store.write([{ id: runId, heartbeatAt: this.clock() }]).catch(() => undefined);
    beat();
    const timer = setInterval(beat, this.heartbeatMs);
    return () => {
      clearInterval(timer);
      unlock();
    };
  }

  /** A predicate for `reapInterrupted`: with locks, a held lock; without, a fresh heartbeat. */
  async isAlive(): Promise<(run: Run) => boolean> {
    if (this.locks) {
      const state = await this.locks.query();
      const held = new Set((state.held ?? []).map((lock) => lock.name));
      return (run) => held.has(runLockName(run.id));
    }
    const now = this.clock();
    return (run) => run.heartbeatAt !== null && now - run.heartbeatAt < this.staleAfterMs;
  }

  /** Ends every RUNNING run whose tab is gone as KILLED ("interrupted"); call when the app opens. */
  async reap(): Promise<string[]> {
    return this.store.reapInterrupted(await this.isAlive());
  }
}
