import { afterEach, describe, expect, it, vi } from 'vitest';
import { isChangedMessage, openRunsChannel, type ChannelLike } from './runsChannel';

function fakeChannel() {
  const posted: unknown[] = [];
  const channel: ChannelLike & { closed: boolean } = {
    postMessage: (message) => void posted.push(message),
    close: () => void (channel.closed = true),
    onmessage: null,
    closed: false,
  };
  return { channel, posted };
}

describe('runsChannel', () => {
  afterEach(() => void vi.useRealTimers());

  it('posts at once, then at most once per interval, with a trailing message', () => {
    vi.useFakeTimers();
    const { channel, posted } = fakeChannel();
    const runs = openRunsChannel(() => undefined, { everyMs: 500, open: () => channel });
    runs.notify();
    expect(posted).toEqual([{ v: 1, type: 'runsChanged' }]);
    for (let i = 0; i < 100; i++) runs.notify();
    expect(posted).toHaveLength(1);
    vi.advanceTimersByTime(499);
    expect(posted).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(posted).toHaveLength(2);
    vi.advanceTimersByTime(5_000);
    expect(posted).toHaveLength(2);
    runs.close();
    runs.notify();
    expect(posted).toHaveLength(2);
    expect(channel.closed).toBe(true);
  });

  it('calls back for the change message only', () => {
    const { channel } = fakeChannel();
    const heard = vi.fn();
    openRunsChannel(heard, { open: () => channel });
    channel.onmessage?.(new MessageEvent('message', { data: { v: 1, type: 'runsChanged' } }));
    channel.onmessage?.(new MessageEvent('message', { data: { v: 2, type: 'runsChanged' } }));
    channel.onmessage?.(new MessageEvent('message', { data: 'runsChanged' }));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(isChangedMessage(null)).toBe(false);
  });

  it('reaches another tab through a real BroadcastChannel', async () => {
    const heard = new Promise<void>((resolve) => {
      const other = openRunsChannel(() => {
        other.close();
        resolve();
      });
    });
    const tab = openRunsChannel(() => undefined);
    tab.notify();
    await heard;
    tab.close();
  });

  it('does nothing where there is no BroadcastChannel', () => {
    const runs = openRunsChannel(() => undefined, { open: () => undefined });
    expect(() => {
      runs.notify();
      runs.close();
    }).not.toThrow();
  });
});
