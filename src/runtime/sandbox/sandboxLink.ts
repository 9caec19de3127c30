/**
 * Driver side of the sandbox: asks the bootstrap (over the control port) to configure the
 * objective and to make and end workers, and presents each worker to the pool as a
 * TrialWorkerHandle. Messages from the sandbox are untrusted and go through decodeControlMessage.
 */
import type { TrialWorkerFactory, TrialWorkerHandle, WorkerSignal } from '../pool/poolTypes';
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
  | { t: 'pong'; n: number }
  | { t: 'invalid' };

/** The decode function of the control stream (bootstrap -> driver). */
export function decodeControlMessage(data: unknown, ports: readonly PortLike[]): ControlMessage {
  if (typeof data !== 'object' || data === null) return { t: 'invalid' };
  const record = data as Record<string, unknown>;
  if (record['t'] === 'pong') {
    const n = record['n'];
    return typeof n === 'number' && Number.isSafeInteger(n) ? { t: 'pong', n } : { t: 'invalid' };
  }
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

/** How often the driver asks the bootstrap whether it is alive while workers exist, in ms. */
export const HEARTBEAT_MS = 500;
/** Silence after which the sandbox counts as gone (its process crashed, e.g. out of memory). */
export const SANDBOX_SILENCE_MS = 3000;

/** What a worker's listener hears when the whole sandbox went away. */
export const SANDBOX_LOST = 'the sandbox stopped, most likely because the objective ran out of memory';

/** A module a one-off worker runs instead of the configured objective (a space to evaluate). */
export interface OwnModule {
  code: string;
  lineCount: number;
  mode: 'space';
}

interface Pending {
  listener: (signal: WorkerSignal) => void;
  own: OwnModule | undefined;
  port: PortLike | undefined;
  queue: RunTrialMessage[];
  alive: boolean;
}

/**
 * The sandbox as the driver sees it: configure an objective, then spawn workers that run it.
 *
 * While workers exist it pings the bootstrap: a sandbox whose process crashed (a trial exhausted
 * the JavaScript heap) answers nothing and sends no event, so silence is the only sign. Then every
 * worker's listener hears an error (their trials fail and are replaced), `onLost` asks the page for
 * a new sandbox, and spawns wait for `replaceControl`.
 */
export class SandboxLink implements TrialWorkerFactory {
  private control: PortLike | undefined;
  private readonly workers = new Map<number, Pending>();
  private readonly onLost: () => void;
  private nextId = 1;
  private configured: { code: string; lineCount: number } | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private pingSent = 0;
  private ping: { n: number; at: number } | undefined;

  constructor(control: PortLike, onLost: () => void = () => undefined) {
    this.onLost = onLost;
    this.replaceControl(control);
  }

  /** Connects to a (new) bootstrap: the objective is configured again and waiting spawns are sent. */
  replaceControl(control: PortLike): void {
    this.control = control;
    this.ping = undefined;
    control.onmessage = (event) => this.onControl(control, event);
    if (this.configured !== undefined) control.postMessage({ t: 'configure', ...this.configured });
    for (const [id, worker] of this.workers)
      if (worker.alive) control.postMessage({ t: 'spawn', id, ...worker.own });
    this.watch();
  }

  /** Makes `code` (a wrapped objective) the module of every worker spawned from now on. */
  configure(code: string, lineCount: number): void {
    this.configured = { code, lineCount };
    this.control?.postMessage({ t: 'configure', code, lineCount });
  }

  /** Starts a worker running the configured objective, or `own` module when given. */
  spawn(listener: (signal: WorkerSignal) => void, own?: OwnModule): TrialWorkerHandle {
    const id = this.nextId++;
    const worker: Pending = { listener, own, port: undefined, queue: [], alive: true };
    this.workers.set(id, worker);
    this.control?.postMessage({ t: 'spawn', id, ...own });
    this.watch();
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
        this.control?.postMessage({ t: 'kill', id });
        worker.port?.close();
        this.watch();
      },
    };
  }

  /** Pings while workers exist; stops when none do. */
  private watch(): void {
    const needed = this.workers.size > 0 && this.control !== undefined;
    if (needed && this.heartbeat === undefined) {
      this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    } else if (!needed && this.heartbeat !== undefined) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
      this.ping = undefined;
    }
  }

  private beat(): void {
    const now = Date.now();
    if (this.ping === undefined) {
      this.ping = { n: ++this.pingSent, at: now };
      this.control?.postMessage({ t: 'ping', n: this.ping.n });
    } else if (now - this.ping.at >= SANDBOX_SILENCE_MS) {
      this.lose();
    }
  }

  private lose(): void {
    this.control = undefined;
    this.ping = undefined;
    const lost = [...this.workers.values()];
    for (const worker of lost) {
      worker.port?.close();
      worker.port = undefined;
    }
    this.watch();
    for (const worker of lost)
      if (worker.alive) worker.listener({ kind: 'error', message: SANDBOX_LOST, sandboxLost: true });
    this.onLost();
  }

  private onControl(from: PortLike, event: MessageEvent): void {
    if (from !== this.control) return; // a bootstrap given up for lost
    const message = decodeControlMessage(event.data, event.ports as readonly PortLike[]);
    if (message.t === 'invalid') return;
    if (message.t === 'pong') {
      if (this.ping?.n === message.n) this.ping = undefined;
      return;
    }
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
