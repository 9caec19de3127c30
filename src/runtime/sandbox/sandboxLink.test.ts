import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkerSignal } from '../pool/poolTypes';
import {
  HEARTBEAT_MS,
  SANDBOX_LOST,
  SANDBOX_SILENCE_MS,
  SandboxLink,
  decodeControlMessage,
  type PortLike,
} from './sandboxLink';
import { sandboxPolicy, sandboxSrcdoc } from './srcdoc';

class FakePort implements PortLike {
  sent: unknown[] = [];
  closed = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  close(): void {
    this.closed = true;
  }
  /** Delivers a message to this port's listener, as the other side would. */
  receive(data: unknown, ports: PortLike[] = []): void {
    this.onmessage?.({ data, ports } as unknown as MessageEvent);
  }
}

describe('SandboxLink', () => {
  it('asks the bootstrap for a worker, queues posts until its port arrives, then talks to it directly', () => {
    const control = new FakePort();
    const link = new SandboxLink(control);
    link.configure('code', 3);
    const signals: WorkerSignal[] = [];
    const handle = link.spawn((signal) => signals.push(signal));
    handle.post({ t: 'run', tid: 0, config: { x: 1 } });
    expect(control.sent).toEqual([
      { t: 'configure', code: 'code', lineCount: 3 },
      { t: 'spawn', id: 1 },
    ]);
    const workerPort = new FakePort();
    control.receive({ t: 'spawned', id: 1 }, [workerPort]);
    expect(workerPort.sent).toEqual([{ t: 'run', tid: 0, config: { x: 1 } }]);
    workerPort.receive({ t: 'ready' });
    expect(signals).toEqual([{ kind: 'message', data: { t: 'ready' } }]);
    handle.terminate();
    expect(control.sent.at(-1)).toEqual({ t: 'kill', id: 1 });
    expect(workerPort.closed).toBe(true);
    workerPort.receive({ t: 'ready' });
    expect(signals).toHaveLength(1);
  });

  it('ignores forged control messages: unknown ids, second ports, garbage', () => {
    const control = new FakePort();
    const link = new SandboxLink(control);
    const signals: WorkerSignal[] = [];
    link.spawn((signal) => signals.push(signal));
    const stray = new FakePort();
    control.receive({ t: 'spawned', id: 99 }, [stray]);
    expect(stray.closed).toBe(true);
    const first = new FakePort();
    const second = new FakePort();
    control.receive({ t: 'spawned', id: 1 }, [first]);
    control.receive({ t: 'spawned', id: 1 }, [second]);
    expect(second.closed).toBe(true);
    control.receive('garbage');
    control.receive({ t: 'workerError', id: 1, message: 'SyntaxError: Unexpected token', line: 4 });
    expect(signals).toEqual([{ kind: 'error', message: 'SyntaxError: Unexpected token (objective line 4)' }]);
  });

  it('decodes only well-formed control messages', () => {
    expect(decodeControlMessage({ t: 'spawned', id: 1 }, [])).toEqual({ t: 'invalid' });
    expect(decodeControlMessage({ t: 'workerError', id: 'x' }, [])).toEqual({ t: 'invalid' });
    expect(decodeControlMessage({ t: 'workerError', id: 2, message: 5, line: -1 }, [])).toEqual({
      t: 'workerError',
      id: 2,
      message: 'the worker failed',
      line: undefined,
    });
  });
});

describe('SandboxLink heartbeat', () => {
  afterEach(() => vi.useRealTimers());

  it('pings while workers exist and stays quiet when the bootstrap answers', () => {
    vi.useFakeTimers();
    const control = new FakePort();
    const lost = vi.fn();
    const link = new SandboxLink(control, lost);
    vi.advanceTimersByTime(5 * HEARTBEAT_MS);
    expect(control.sent).toEqual([]); // no worker, no ping
    const handle = link.spawn(() => undefined);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(HEARTBEAT_MS);
      const ping = control.sent.at(-1) as { t: string; n: number };
      if (ping.t === 'ping') control.receive({ t: 'pong', n: ping.n });
    }
    expect(lost).not.toHaveBeenCalled();
    handle.terminate();
    const sent = control.sent.length;
    vi.advanceTimersByTime(5 * HEARTBEAT_MS);
    expect(control.sent).toHaveLength(sent);
  });

  it('gives a silent sandbox up: workers hear it, the page is asked for a new one, spawns resume on it', () => {
    vi.useFakeTimers();
    const control = new FakePort();
    const lost = vi.fn();
    const link = new SandboxLink(control, lost);
    link.configure('code', 2);
    const signals: WorkerSignal[] = [];
    const handle = link.spawn((signal) => signals.push(signal));
    const port = new FakePort();
    control.receive({ t: 'spawned', id: 1 }, [port]);
    vi.advanceTimersByTime(SANDBOX_SILENCE_MS + 2 * HEARTBEAT_MS);
    expect(lost).toHaveBeenCalledTimes(1);
    expect(signals).toEqual([{ kind: 'error', message: SANDBOX_LOST, sandboxLost: true }]);
    expect(port.closed).toBe(true);
    handle.terminate();
    const waiting = link.spawn(() => undefined);
    const fresh = new FakePort();
    link.replaceControl(fresh);
    expect(fresh.sent).toEqual([
      { t: 'configure', code: 'code', lineCount: 2 },
      { t: 'spawn', id: 2 },
    ]);
    control.receive({ t: 'spawned', id: 2 }, [new FakePort()]); // the old bootstrap is no longer heard
    waiting.post({ t: 'run', tid: 0, config: null });
    const workerPort = new FakePort();
    fresh.receive({ t: 'spawned', id: 2 }, [workerPort]);
    expect(workerPort.sent).toEqual([{ t: 'run', tid: 0, config: null }]);
  });
});

describe('sandbox srcdoc', () => {
  it('carries a CSP that forbids the network and allows only Blob workers and the nonced bootstrap', () => {
    const policy = sandboxPolicy('abc');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain('worker-src blob:');
    expect(policy).toContain("script-src 'nonce-abc'");
    expect(policy).not.toContain('unsafe');
    const html = sandboxSrcdoc('abc');
    expect(html).toContain('<script nonce="abc">(');
    expect(html).toContain('hyperopt-sandbox-ready');
  });
});
