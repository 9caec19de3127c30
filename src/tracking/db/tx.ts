/**
 * The single transaction helper every store operation goes through (as tldraw's LocalIndexedDb
 * does): short transactions, errors mapped to typed errors, and a `pending()` hook so tests and the
 * UI can wait until every write has committed.
 *
 * Rule for `body`: issue IndexedDB requests and await only them. Awaiting anything else (a fetch,
 * a timer, a Blob read) lets the transaction auto-commit under it; prepare such data before.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { DatabaseClosedError, StorageFullError, TrackingError, isQuotaError } from '../errors';
import type { TrackingDb } from './open';
import type { TrackingSchema } from './schema';

type Names = StoreNames<TrackingSchema>[];
export type Tx<N extends Names, M extends IDBTransactionMode> = IDBPTransaction<TrackingSchema, N, M>;

export interface TxOptions {
  /** 'strict' for run ends, final summaries and imports: the OS flushes before `done` resolves. */
  durability?: 'strict' | 'relaxed' | 'default';
}

/** Maps what IndexedDB throws to the store's typed errors. */
export function mapStorageError(
  error: unknown,
  closedReason: 'versionchange' | 'terminated' | 'closed' | null,
): unknown {
  if (error instanceof TrackingError) return error;
  if (isQuotaError(error)) return new StorageFullError(error);
  const name = (error as { name?: unknown } | null)?.name;
  if (closedReason !== null && (name === 'InvalidStateError' || name === 'AbortError'))
    return new DatabaseClosedError(closedReason);
  return error;
}

export class TxRunner {
  private inFlight = new Set<Promise<unknown>>();
  /** Why the connection is gone, once it is; every later call fails with DatabaseClosedError. */
  closedReason: 'versionchange' | 'terminated' | 'closed' | null = null;

  constructor(private readonly db: TrackingDb) {}

  /**
   * Runs `body` in one transaction over `stores` and resolves after `tx.done`, so a resolved write
   * is committed. If `body` throws, the transaction is aborted and nothing of it is stored.
   */
  run<N extends Names, M extends IDBTransactionMode, T>(
    stores: N,
    mode: M,
    body: (tx: Tx<N, M>) => Promise<T> | T,
    options: TxOptions = {},
  ): Promise<T> {
    const work = this.execute(stores, mode, body, options);
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves once every transaction started so far (and any started meanwhile) has settled. */
  async pending(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async execute<N extends Names, M extends IDBTransactionMode, T>(
    stores: N,
    mode: M,
    body: (tx: Tx<N, M>) => Promise<T> | T,
    options: TxOptions,
  ): Promise<T> {
    if (this.closedReason !== null) throw new DatabaseClosedError(this.closedReason);
    let tx: Tx<N, M>;
    try {
      tx = this.db.transaction(
        stores,
        mode,
        options.durability ? { durability: options.durability } : undefined,
      );
    } catch (error) {
      throw mapStorageError(error, this.closedReason ?? 'closed');
    }
    let result: T;
    try {
      result = await body(tx);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // The transaction already aborted (a failed request aborts it) or finished.
      }
      await tx.done.catch(() => undefined);
      // A request failing because the transaction aborted hides the real cause in tx.error.
      throw mapStorageError(isQuotaError(tx.error) ? tx.error : error, this.closedReason);
    }
    try {
      await tx.done;
    } catch (error) {
      throw mapStorageError(tx.error ?? error, this.closedReason);
    }
    return result;
  }
}
