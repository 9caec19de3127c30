/**
 * Counts how often the sandbox was lost during one run. Every worker hears of one loss, so signals
 * that arrive together count once. A run whose objective keeps crashing the sandbox (for example
 * by exhausting memory while the module loads) ends after a few losses instead of looping.
 */
export class SandboxLosses {
  private count = 0;
  private last = -Infinity;

  constructor(
    /** Losses after which the run ends. */
    readonly limit = 3,
    /** Signals closer together than this (ms) are one loss. */
    readonly windowMs = 100,
  ) {}

  /** Records a loss signal at `now` (ms); true when the limit is reached. */
  record(now: number): boolean {
    if (now - this.last > this.windowMs) this.count += 1;
    this.last = now;
    return this.count >= this.limit;
  }

  /** The sentence that ends the run. */
  message(): string {
    return `The sandbox stopped ${this.count} times in this run; the objective most likely runs out of memory. Make it use less memory and run again.`;
  }
}
