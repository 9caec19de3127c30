import { wrap, releaseProxy, transfer, type Remote } from 'comlink';
import { DRIVER_PROTOCOL_VERSION, decodeDriverHello, type DriverApi, type DriverHello } from './protocol';
import {
  SPACE_DEADLINE_MS,
  decodeSpaceEvaluation,
  type SourceCheck,
  type SourceRequest,
  type SpaceEvaluation,
} from './space/evaluateSpace';

/** A started driver worker. `close()` terminates it; pending calls then reject via their deadline. */
export interface DriverConnection {
  hello(): Promise<DriverHello>;
  attachSandbox(control: MessagePort): Promise<void>;
  attachEvents(events: MessagePort): Promise<void>;
  /** Resolves with the run id; rejects with the driver's sentence when the request is refused. */
  startRun(request: unknown): Promise<number>;
  stopRun(runId: number, reason: string): Promise<void>;
  evaluateSpace(request: SourceRequest): Promise<SpaceEvaluation>;
  checkObjective(request: SourceRequest): Promise<SourceCheck>;
  close(): void;
}

export class DriverTimeoutError extends Error {
  override name = 'DriverTimeoutError';
}

/**
 * Every call into a worker gets its own deadline: a terminated or crashed worker otherwise leaves a
 * Comlink call pending forever.
 */
function withDeadline<T>(promise: Promise<T>, millis: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new DriverTimeoutError(
            `The driver worker did not answer ${what} within ${millis} ms; reload the page.`,
          ),
        ),
      millis,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Starts the driver module worker (bundled by Vite in dev and in production builds). */
export function startDriver(deadlineMillis = 10_000): DriverConnection {
  const worker = new Worker(new URL('./worker/driver.worker.ts', import.meta.url), {
    type: 'module',
    name: 'hyperopt-driver',
  });
  const remote: Remote<DriverApi> = wrap<DriverApi>(worker);
  return {
    async hello() {
      const answer: unknown = await withDeadline(
        remote.hello(DRIVER_PROTOCOL_VERSION),
        deadlineMillis,
        'hello',
      );
      return decodeDriverHello(answer);
    },
    attachSandbox(control) {
      return withDeadline(
        remote.attachSandbox(transfer(control, [control])),
        deadlineMillis,
        'attachSandbox',
      );
    },
    attachEvents(events) {
      return withDeadline(remote.attachEvents(transfer(events, [events])), deadlineMillis, 'attachEvents');
    },
    async startRun(request) {
      const runId: unknown = await withDeadline(remote.startRun(request), deadlineMillis, 'startRun');
      if (typeof runId !== 'number')
        throw new DriverTimeoutError('The driver worker answered startRun without a run id.');
      return runId;
    },
    stopRun(runId, reason) {
      return withDeadline(remote.stopRun(runId, reason), deadlineMillis, 'stopRun');
    },
    async evaluateSpace(request) {
      // The sandbox has its own deadline; this one covers a driver that stopped answering.
      const answer: unknown = await withDeadline(
        remote.evaluateSpace(request),
        SPACE_DEADLINE_MS + deadlineMillis,
        'evaluateSpace',
      );
      return decodeSpaceEvaluation(answer);
    },
    async checkObjective(request) {
      const answer = (await withDeadline(
        remote.checkObjective(request),
        deadlineMillis,
        'checkObjective',
      )) as { ok?: unknown; message?: unknown; line?: unknown } | null;
      if (answer?.ok === true) return { ok: true };
      const message =
        typeof answer?.message === 'string' ? answer.message : 'The objective could not be checked.';
      return typeof answer?.line === 'number'
        ? { ok: false, message, line: answer.line }
        : { ok: false, message };
    },
    close() {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}
