import type { Vals } from '../space/types';
import type { TrialDoc } from '../trials/types';

/** A NEW trial waiting to be evaluated, with its active values (so they are not re-derived). */
export interface PendingTrial {
  readonly doc: TrialDoc;
  readonly vals: Vals;
}

/** FIFO of NEW trials in tid order, O(1) per operation (Array.shift would be O(n)). */
export class TrialQueue {
  private items: PendingTrial[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: PendingTrial): void {
    this.items.push(item);
  }

  shift(): PendingTrial | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head]!;
    this.head += 1;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    }
    return item;
  }

  /** Removes and returns every waiting trial. */
  drain(): PendingTrial[] {
    const rest = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    return rest;
  }
}
