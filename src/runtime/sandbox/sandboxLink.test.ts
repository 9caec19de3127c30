import { describe, expect, it } from 'vitest';
import type { WorkerSignal } from '../pool/workerPool';
import { SandboxLink, decodeControlMessage, type PortLike } from './sandboxLink';
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
