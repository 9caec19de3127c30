/**
 * Collects run events and delivers them in batches at most every `intervalMs` (about two frames),
 * so 10,000 fast trials arrive as a few hundred messages rather than 30,000, and the page renders
 * once per batch. A run's end is delivered at once.
 */
import type { RunEvent } from './events';

export interface EventBatcherOptions {
  intervalMs?: number;
  deliver: (events: RunEvent[]) => void;
  setTimer?: (callback: () => void, ms: number) => unknown;
}

export class EventBatcher {
  private buffer: RunEvent[] = [];
  private scheduled = false;
  private readonly intervalMs: number;
  private readonly deliver: (events: RunEvent[]) => void;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;

  constructor(options: EventBatcherOptions) {
    this.intervalMs = options.intervalMs ?? 33;
    this.deliver = options.deliver;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  }

  push(event: RunEvent): void {
    this.buffer.push(event);
    if (event.type === 'runEnded') return this.flush();
    if (this.scheduled) return;
    this.scheduled = true;
    this.setTimer(() => {
      this.scheduled = false;
      this.flush();
    }, this.intervalMs);
  }

  /** Delivers everything buffered now. */
  flush(): void {
    if (this.buffer.length === 0) return;
    const events = this.buffer;
    this.buffer = [];
    this.deliver(events);
  }
}
