/**
 * Cancellation. Core has no DOM types, so the signal is described structurally; a real
 * AbortSignal (browser, worker, Node) fits.
 */

/** The part of AbortSignal fmin uses. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Marker a race resolves with when the run was aborted. */
export const ABORTED: unique symbol = Symbol('aborted');

function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message || reason.name;
  if (typeof reason === 'string' && reason.length > 0) return reason;
  return 'aborted';
}

/** Watches an optional signal once per run (one listener, one promise, not one per trial). */
export class AbortWatch {
  readonly promise: Promise<typeof ABORTED> | undefined;
  private readonly signal: AbortSignalLike | undefined;
  private listener: (() => void) | undefined;

  constructor(signal: AbortSignalLike | undefined) {
    this.signal = signal;
    if (signal === undefined) return;
    this.promise = new Promise((resolve) => {
      if (signal.aborted) return resolve(ABORTED);
      this.listener = () => resolve(ABORTED);
      signal.addEventListener('abort', this.listener);
    });
  }

  get aborted(): boolean {
    return this.signal?.aborted ?? false;
  }

  /** The signal's reason as text ("aborted" by default). */
  get reason(): string {
    const text = reasonText(this.signal?.reason);
    return text === 'aborted' ? text : `aborted: ${text}`;
  }

  /** Resolves with the promise's value, or ABORTED if the signal fires first. */
  race<T>(promise: PromiseLike<T>): Promise<T | typeof ABORTED> {
    return this.promise === undefined ? Promise.resolve(promise) : Promise.race([promise, this.promise]);
  }

  dispose(): void {
    if (this.signal !== undefined && this.listener !== undefined)
      this.signal.removeEventListener('abort', this.listener);
    this.listener = undefined;
  }
}
