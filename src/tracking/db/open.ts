/**
 * Opening the run database: schema upgrades, and the three ways another tab or the browser can
 * interfere (idb's OpenDBCallbacks, wired through `wrap` so that any IDBFactory can be used, as
 * tests open many independent fake-indexeddb factories).
 *
 * - `versionchange` (another tab opens a newer schema): this connection closes at once, so the
 *   other tab's upgrade is never blocked by us, and `onVersionChange` tells the UI to ask for a
 *   reload.
 * - `blocked` (an old tab does not close): `onBlocked` is called, and after `blockedTimeoutMs` the
 *   open rejects with DatabaseBlockedError instead of hanging; a connection that arrives later is
 *   closed.
 * - `terminated` (the browser closed the connection): `onTerminated`.
 */
import { wrap } from 'idb';
import type { IDBPDatabase } from 'idb';
import { DatabaseBlockedError } from '../errors';
import { migrate } from './migrations';
import { DB_NAME, SCHEMA_VERSION } from './schema';
import type { TrackingSchema } from './schema';

export interface OpenOptions {
  /** Default: the global `indexedDB`. */
  factory?: IDBFactory;
  /** Default DB_NAME. */
  name?: string;
  /** Default SCHEMA_VERSION; tests open older versions to test migrations. */
  version?: number;
  /** Another tab upgraded the schema: this connection is closed; ask the user to reload. */
  onVersionChange?: () => void;
  /** Another tab keeps an older version open: this open waits for it (see blockedTimeoutMs). */
  onBlocked?: () => void;
  /** The browser closed the connection (storage cleared, disk error). */
  onTerminated?: () => void;
  /** How long to wait for blocking tabs before failing with DatabaseBlockedError (default 5,000 ms). */
  blockedTimeoutMs?: number;
}

export type TrackingDb = IDBPDatabase<TrackingSchema>;

/** Opens (creating or migrating) the run database. */
export function openTrackingDb(options: OpenOptions = {}): Promise<TrackingDb> {
  const factory = options.factory ?? indexedDB;
  const version = options.version ?? SCHEMA_VERSION;
  const request = factory.open(options.name ?? DB_NAME, version);
  let migration: Promise<void> = Promise.resolve();
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as TrackingDb;
    const tx = wrap(request.transaction!) as unknown as Parameters<typeof migrate>[1];
    // A failing migration aborts the versionchange transaction, which fails the open.
    migration = migrate(db, tx, event.oldVersion, event.newVersion ?? version).catch((error: unknown) => {
      try {
        tx.abort();
      } catch {
        // already finished
      }
      throw error;
    });
  });
  return new Promise<TrackingDb>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    request.addEventListener('blocked', () => {
      options.onBlocked?.();
      timer ??= setTimeout(() => {
        if (settled) return;
        settled = true;
        reject(new DatabaseBlockedError());
      }, options.blockedTimeoutMs ?? 5_000);
    });
    request.addEventListener('error', () => {
      if (timer) clearTimeout(timer);
      if (settled) return;
      settled = true;
      migration.then(
        () => reject(request.error ?? new Error('The run history could not be opened.')),
        (error: unknown) => reject(error),
      );
    });
    request.addEventListener('success', () => {
      if (timer) clearTimeout(timer);
      const raw = request.result;
      if (settled) {
        // We gave up waiting; nobody holds this late connection.
        raw.close();
        return;
      }
      settled = true;
      raw.addEventListener('versionchange', () => {
        raw.close();
        options.onVersionChange?.();
      });
      raw.addEventListener('close', () => options.onTerminated?.());
      resolve(wrap(raw) as unknown as TrackingDb);
    });
  });
}
