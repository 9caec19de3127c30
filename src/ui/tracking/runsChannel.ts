/**
 * Cross-tab change notification for the run history: a tab that stored, deleted or imported runs
 * says so on a BroadcastChannel, and every other tab of the app re-reads its lists. IndexedDB
 * itself has no change events, so without this a run started in another tab would show only on
 * reload. The message carries no data (the store is the truth), only that something changed.
 */

/** Do not change: tabs of older and newer versions of the app talk on this name. */
export const RUNS_CHANNEL = 'hyperopt-playground-runs';

/** At most one message per this many milliseconds: a 10,000-trial run must not flood other tabs. */
export const NOTIFY_EVERY_MS = 500;

interface ChangedMessage {
  v: 1;
  type: 'runsChanged';
}

/** True for the one message this version understands; anything else on the channel is ignored. */
export function isChangedMessage(data: unknown): data is ChangedMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as Record<string, unknown>)['v'] === 1 &&
    (data as Record<string, unknown>)['type'] === 'runsChanged'
  );
}

export interface RunsChannel {
  /** Tells the other tabs that runs changed (throttled: leading and trailing message). */
  notify(): void;
  close(): void;
}

/** The smallest part of BroadcastChannel used here (tests pass a fake). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/**
 * Opens the channel; `onRemoteChange` runs when another tab reports a change. Where the browser
 * has no BroadcastChannel, notify does nothing and other tabs see changes on reload.
 */
export function openRunsChannel(
  onRemoteChange: () => void,
  options: { everyMs?: number; open?: () => ChannelLike | undefined } = {},
): RunsChannel {
  const everyMs = options.everyMs ?? NOTIFY_EVERY_MS;
  const channel = (
    options.open ??
    (() => (typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(RUNS_CHANNEL)))
  )();
  if (channel === undefined) return { notify: () => undefined, close: () => undefined };
  channel.onmessage = (event) => {
    if (isChangedMessage(event.data)) onRemoteChange();
  };
  let lastPost = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const post = () => {
    timer = undefined;
    if (closed) return;
    lastPost = Date.now();
    channel.postMessage({ v: 1, type: 'runsChanged' } satisfies ChangedMessage);
  };
  return {
    notify() {
      if (closed || timer !== undefined) return;
      const wait = lastPost + everyMs - Date.now();
      if (wait <= 0) post();
      else timer = setTimeout(post, wait);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      channel.onmessage = null;
      channel.close();
    },
  };
}
