import { afterEach, describe, expect, it, vi } from 'vitest';
import { throttledTask } from './throttledTask';

describe('throttledTask', () => {
  afterEach(() => void vi.useRealTimers());

  it('runs at once, then once more after the gap however often it is asked', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const task = throttledTask(async () => void runs++, 400);
    task.request();
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 50; i++) task.request();
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(399);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(2);
    task.dispose();
    task.request();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(2);
  });

  it('never overlaps: a request during a run makes one more run after it', async () => {
    vi.useFakeTimers();
    let active = 0;
    let most = 0;
    let runs = 0;
    const task = throttledTask(async () => {
      runs++;
      active++;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      active--;
    }, 100);
    task.request();
    task.request();
    task.request();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(2);
    expect(most).toBe(1);
    task.dispose();
  });
});
