/**
 * Batching of run writes: deltas queued during one animation frame go to the store in one
 * transaction, so a pool finishing thousands of trials per second costs tens of transactions per
 * second, not thousands. Each `enqueue` promise resolves only after the transaction holding its
 * delta has committed: a trial is shown completed only once it is durable.
 *
 * Deltas for the same run within a batch are merged (a trial that starts and ends within one frame
 * costs one put). While a batch is being written the next one gathers, so batches grow with load.
 * If a batch fails for another reason than a full or closed store, its deltas are retried one by
 * one, so one refused delta (a param conflict) does not take the others down with it.
 */
import { DatabaseClosedError, StorageFullError } from './errors';
import type { RunDelta, RunStore } from './runStore';

/** Calls `flush` soon: once per frame in the browser. */
export type Schedule = (flush: () => void) => void;

/**
 * The next animation frame, or `fallbackMs` if that comes first: hidden tabs get no frames, and
 * their trials must still become durable.
 */
export function frameSchedule(fallbackMs = 32): Schedule {
  return (flush) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      flush();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
    setTimeout(once, fallbackMs);
  };
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Entry {
  delta: RunDelta;
  waiters: Waiter[];
}

/** `b` applied after `a`, as one delta. */
export function mergeDeltas(a: RunDelta, b: RunDelta): RunDelta {
  const out: RunDelta = { ...a, ...b };
  const create = a.create ?? b.create;
  if (create) out.create = create;
  if (a.params || b.params) out.params = { ...a.params, ...b.params };
  if (a.tags || b.tags) out.tags = { ...a.tags, ...b.tags };
  if (a.metrics || b.metrics) out.metrics = [...(a.metrics ?? []), ...(b.metrics ?? [])];
  if (a.artifacts || b.artifacts) out.artifacts = [...(a.artifacts ?? []), ...(b.artifacts ?? [])];
  return out;
}

/** True when merging would hide a param conflict that the store must see (and refuse) on its own. */
function conflicts(a: RunDelta, b: RunDelta): boolean {
  // A merged delta deletes tags before setting any: a deletion must keep its place in the order.
  if (a.deleteTags || b.deleteTags) return true;
  if (!a.params || !b.params) return false;
  return Object.entries(b.params).some(([k, v]) => a.params![k] !== undefined && a.params![k] !== v);
}

export class WriteBatcher {
  private queue: Entry[] = [];
  private byId = new Map<string, Entry>();
  private scheduled = false;
  private writing: Promise<void> | null = null;
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly store: RunStore,
    private readonly schedule: Schedule = frameSchedule(),
    /** Most deltas per transaction (a huge backlog is written in several). */
    private readonly maxBatch = 10_000,
  ) {}

  /** Queues `delta`; resolves once it is committed, rejects with the store's error. */
  enqueue(delta: RunDelta): Promise<void> {
    const promise = new Promise<void>((resolve, reject) => {
      const waiter = { resolve, reject };
      const entry = this.byId.get(delta.id);
      if (entry && !conflicts(entry.delta, delta)) {
        entry.delta = mergeDeltas(entry.delta, delta);
        entry.waiters.push(waiter);
      } else {
        const fresh = { delta, waiters: [waiter] };
        this.queue.push(fresh);
        this.byId.set(delta.id, fresh);
      }
    });
    this.track(promise);
    this.kick();
    return promise;
  }

  /** Writes everything queued now, without waiting for the frame; resolves when all of it settled. */
  async flush(): Promise<void> {
    const waiting = [...this.inFlight];
    void this.drain();
    await Promise.allSettled(waiting);
  }

  /** Number of deltas not yet committed. */
  get backlog(): number {
    return this.inFlight.size;
  }

  private track(promise: Promise<void>): void {
    this.inFlight.add(promise);
    const forget = () => void this.inFlight.delete(promise);
    promise.then(forget, forget);
  }

  private kick(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private drain(): Promise<void> {
    if (this.writing) return this.writing;
    const writing = this.loop();
    this.writing = writing;
    return writing;
  }

  private async loop(): Promise<void> {
    // Yield once so that drain() has recorded this loop before it can finish.
    await Promise.resolve();
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        for (const entry of batch)
          if (this.byId.get(entry.delta.id) === entry) this.byId.delete(entry.delta.id);
        await this.writeBatch(batch);
      }
    } finally {
      this.writing = null;
    }
  }

  private async writeBatch(batch: Entry[]): Promise<void> {
    try {
      await this.store.write(batch.map((e) => e.delta));
      for (const entry of batch) for (const w of entry.waiters) w.resolve();
    } catch (error) {
      if (batch.length === 1 || error instanceof StorageFullError || error instanceof DatabaseClosedError) {
        for (const entry of batch) for (const w of entry.waiters) w.reject(error);
        return;
      }
      for (const entry of batch) await this.writeBatch([entry]);
    }
  }
}
