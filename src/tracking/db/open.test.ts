import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import '../testSupport';
import { DatabaseBlockedError, DatabaseClosedError } from '../errors';
import { IdbRunStore } from '../idb/idbRunStore';
import { openTrackingDb } from './open';
import { DB_NAME, SCHEMA_VERSION } from './schema';

/** Opens the database at a newer version the way a newer app in another tab would. */
function openNewer(factory: IDBFactory, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, version);
    request.onupgradeneeded = () => undefined;
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('other tabs: versionchange and blocked', () => {
  it('closes on versionchange so the newer tab is not blocked, tells the UI, and refuses later calls with a reload sentence', async () => {
    const factory = new IDBFactory();
    const onVersionChange = vi.fn();
    const old = await IdbRunStore.open({ factory, onVersionChange });
    const newer = await openNewer(factory, SCHEMA_VERSION + 1);
    expect(onVersionChange).toHaveBeenCalledOnce();
    const attempt = old.listRuns();
    await expect(attempt).rejects.toBeInstanceOf(DatabaseClosedError);
    await expect(attempt).rejects.toThrow(
      'A newer version of Hyperopt Playground opened the run history in another tab: reload this tab to keep working.',
    );
    newer.close();
  });

  it('does not hang when an old tab never closes: onBlocked, then DatabaseBlockedError', async () => {
    const factory = new IDBFactory();
    // An old tab (older code, no versionchange handler) keeps version 1 open.
    await openTrackingDb({ factory, version: 1 }).then((db) => db.close());
    const oldTab = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open(DB_NAME, 1);
      request.onsuccess = () => resolve(request.result);
    });
    const onBlocked = vi.fn();
    const attempt = IdbRunStore.open({ factory, onBlocked, blockedTimeoutMs: 30 });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseBlockedError);
    await expect(attempt).rejects.toThrow(/close or reload the other tabs, then reload this one/);
    expect(onBlocked).toHaveBeenCalled();
    // When the old tab finally closes, the late connection is closed too, so nothing stays blocked.
    oldTab.close();
    await new Promise((r) => setTimeout(r, 20));
    const later = await IdbRunStore.open({ factory });
    expect(await later.listRuns()).toEqual([]);
    later.close();
  });
});
