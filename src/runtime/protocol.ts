/**
 * The driver worker's wire protocol. Everything crossing the worker boundary is plain, versioned,
 * JSON-safe data and is checked on arrival (decode functions below), never trusted as typed.
 */

/** Bump when a message shape changes; both sides refuse a mismatch with a clear error. */
export const DRIVER_PROTOCOL_VERSION = 1;

export interface DriverHello {
  protocolVersion: number;
  /** Logical cores as the worker sees them (`navigator.hardwareConcurrency`), at least 1. */
  hardwareConcurrency: number;
  /** Milliseconds the worker took between receiving the call and answering it. */
  workerMillis: number;
}

/** The API the driver worker exposes through Comlink. */
export interface DriverApi {
  hello(protocolVersion: number): DriverHello;
  /** Gives the driver its end of the sandbox's control channel (see sandbox/sandboxHost.ts). */
  attachSandbox(control: MessagePort): void;
  /** Gives the driver the port it posts run event batches to (see run/events.ts). */
  attachEvents(events: MessagePort): void;
  /**
   * Starts a run from a RunRequest (validated in the driver). Resolves with the run's id once the
   * space, algorithm and objective are accepted; rejects with a sentence naming what is wrong.
   */
  startRun(request: unknown): Promise<number>;
  /** Ends the run with this id (running trials are cancelled with `reason`); no-op if it ended. */
  stopRun(runId: number, reason: string): void;
  /**
   * Evaluates a space module ({source, language}) in a one-off sandboxed worker and validates its
   * export; resolves with a SpaceEvaluation (see space/evaluateSpace.ts), never rejects for user errors.
   */
  evaluateSpace(request: unknown): Promise<unknown>;
  /** Compiles an objective ({source, language}) without running it: a SourceCheck. */
  checkObjective(request: unknown): unknown;
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Validates a `hello` answer from the worker. */
export function decodeDriverHello(value: unknown): DriverHello {
  if (typeof value !== 'object' || value === null) {
    throw new ProtocolError('The driver worker answered with no data.');
  }
  const record = value as Record<string, unknown>;
  const { protocolVersion, hardwareConcurrency, workerMillis } = record;
  if (protocolVersion !== DRIVER_PROTOCOL_VERSION) {
    throw new ProtocolError(
      `The driver worker speaks protocol ${String(protocolVersion)}, this page ${DRIVER_PROTOCOL_VERSION}: reload the page.`,
    );
  }
  if (
    typeof hardwareConcurrency !== 'number' ||
    !Number.isInteger(hardwareConcurrency) ||
    hardwareConcurrency < 1
  ) {
    throw new ProtocolError(
      `The driver worker reported an invalid core count: ${String(hardwareConcurrency)}.`,
    );
  }
  if (typeof workerMillis !== 'number' || !Number.isFinite(workerMillis) || workerMillis < 0) {
    throw new ProtocolError(`The driver worker reported an invalid duration: ${String(workerMillis)}.`);
  }
  return { protocolVersion, hardwareConcurrency, workerMillis };
}
