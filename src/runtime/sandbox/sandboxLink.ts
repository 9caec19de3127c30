/**
 * Driver side of the sandbox: asks the bootstrap (over the control port) to configure the
 * objective and to make and end workers, and presents each worker to the pool as a
 * TrialWorkerHandle. Messages from the sandbox are untrusted and go through decodeControlMessage.
 */
import type { TrialWorkerFactory, TrialWorkerHandle, WorkerSignal } from '../pool/workerPool';
import type { RunTrialMessage } from '../pool/trialProtocol';

/** The part of MessagePort the link uses (a fake one in tests). */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

export type ControlMessage =
  | { t: 'spawned'; id: number; port: PortLike }
  | { t: 'workerError'; id: number; message: string; line: number | undefined }
  | { t: 'invalid' };

/** The decode function of the control stream (bootstrap -> driver). */
export function decodeControlMessage(data: unknown, ports: readonly PortLike[]): ControlMessage {
  if (typeof data !== 'object' || data === null) return { t: 'invalid' };
  const record = data as Record<string, unknown>;
  const id = record['id'];
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return { t: 'invalid' };
  if (record['t'] === 'spawned' && ports.length === 1) return { t: 'spawned', id, port: ports[0]! };
  if (record['t'] === 'workerError') {
    const message =
      typeof record['message'] === 'string' ? record['message'].slice(0, 500) : 'the worker failed';
    const line = record['line'];
    return {
      t: 'workerError',
      id,
      message,
      line: typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : undefined,
    };
  }
  return { t: 'invalid' };
}

interface Pending {
  listener: (signal: WorkerSignal) => void;
  port: PortLike | undefined;
  queue: RunTrialMessage[];
  alive: boolean;
}

/** The sandbox as the driver sees it: configure an objective, then spawn workers that run it. */
export class SandboxLink implements TrialWorkerFactory {
  private readonly control: PortLike;
  private readonly workers = new Map<number, Pending>();
  private nextId = 1;

  constructor(control: PortLike) {
    this.control = control;
    control.onmessage = (event) => this.onControl(event);
  }

  /** Makes `code` (a wrapped objective) the module of every worker spawned from now on. */
  configure(code: string, lineCount: number): void {
    this.control.postMessage({ t: 'configure', code, lineCount });
  }

  spawn(listener: (signal: WorkerSignal) => void): TrialWorkerHandle {
    const id = this.nextId++;
    const worker: Pending = { listener, port: undefined, queue: [], alive: true };
    this.workers.set(id, worker);
    this.control.postMessage({ t: 'spawn', id });
    return {
      post: (message) => {
        if (!worker.alive) return;
        if (worker.port === undefined) worker.queue.push(message);
        else worker.port.postMessage(message);
      },
      terminate: () => {
        if (!worker.alive) return;
        worker.alive = false;
        this.workers.delete(id);
        this.control.postMessage({ t: 'kill', id });
        worker.port?.close();
      },
    };
  }

  private onControl(event: MessageEvent): void {
    const message = decodeControlMessage(event.data, event.ports as readonly PortLike[]);
    if (message.t === 'invalid') return;
    const worker = this.workers.get(message.id);
    if (worker === undefined || !worker.alive) {
      if (message.t === 'spawned') message.port.close();
      return;
    }
    if (message.t === 'workerError') {
      const where = message.line === undefined ? '' : ` (objective line ${message.line})`;
      worker.listener({ kind: 'error', message: `${message.message}${where}` });
      return;
    }
    if (worker.port !== undefined) return message.port.close(); // a second port for one worker: forged
    worker.port = message.port;
    worker.port.onmessage = (e) => {
      if (worker.alive) worker.listener({ kind: 'message', data: e.data });
    };
    for (const queued of worker.queue.splice(0)) worker.port.postMessage(queued);
  }
}
