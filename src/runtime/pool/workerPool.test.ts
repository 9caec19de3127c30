import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Completion, EvalJob } from '../../core';
import { createFakeFactory, type FakeBehaviour } from './fakeWorkers';
import { WorkerPool } from './workerPool';

const job = (tid: number, config: FakeBehaviour): EvalJob => ({ tid, vals: {}, config });

function makePool(parallelism: number, extra: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}) {
  const factory = createFakeFactory();
  const pool = new WorkerPool({ parallelism, factory, maxLine: 50, now: () => Date.now(), ...extra });
  return { pool, factory: (extra.factory as ReturnType<typeof createFakeFactory> | undefined) ?? factory };
}

async function next(pool: WorkerPool, advanceMs = 1000): Promise<Completion> {
  const promise = pool.nextCompletion();
  await vi.advanceTimersByTimeAsync(advanceMs);
  return promise;
}

describe('WorkerPool', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs up to parallelism trials at once and reports them in completion order', async () => {
    const { pool, factory } = makePool(2);
    pool.submit(job(0, { do: 'loss', loss: 1, delayMs: 50 }));
    pool.submit(job(1, { do: 'loss', loss: 2, delayMs: 10 }));
    expect(pool.inFlight).toBe(2);
    expect(factory.spawned).toBe(2);
    const first = await next(pool);
    const second = await next(pool);
    expect([first.tid, second.tid]).toEqual([1, 0]);
    expect(first.outcome).toEqual({ ok: true, value: 2 });
    expect(pool.inFlight).toBe(0);
    expect(pool.takeDetails(1)?.durationMs).toBe(10);
  });

  it('reports each trial with its lane; a replacement worker takes the lowest free lane', async () => {
    const lanes: [number, number][] = [];
    const { pool } = makePool(2, {
      perTrialTimeoutMs: 100,
      onTrialStarted: (tid, slot) => lanes.push([tid, slot]),
    });
    pool.submit(job(0, { do: 'hang' }));
    pool.submit(job(1, { do: 'loss', loss: 5, delayMs: 20 }));
    await next(pool, 30);
    await next(pool, 200);
    pool.submit(job(2, { do: 'loss', loss: 1 }));
    pool.submit(job(3, { do: 'loss', loss: 1, delayMs: 5 }));
    await next(pool);
    await next(pool);
    expect(lanes.slice(0, 2)).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(new Set(lanes.slice(2).map(([, slot]) => slot))).toEqual(new Set([0, 1]));
  });

  it('starts workers lazily and reuses idle ones', async () => {
    const { pool, factory } = makePool(4);
    for (let tid = 0; tid < 3; tid++) {
      pool.submit(job(tid, { do: 'loss', loss: tid }));
      await next(pool);
    }
    expect(factory.spawned).toBe(1);
    expect(factory.received).toEqual([0, 1, 2]);
  });

  it('ends a trial past the per-trial limit, terminates only that worker and replaces it', async () => {
    const { pool, factory } = makePool(2, { perTrialTimeoutMs: 100 });
    pool.submit(job(0, { do: 'hang' }));
    pool.submit(job(1, { do: 'loss', loss: 5, delayMs: 20 }));
    const first = await next(pool, 30);
    expect(first.tid).toBe(1);
    const second = await next(pool, 200);
    expect(second.tid).toBe(0);
    expect(second.outcome.ok).toBe(false);
    const error = (second.outcome as { error: Error }).error;
    expect(error.name).toBe('TrialTimeoutError');
    expect(error.message).toContain('per-trial time limit of 0.1 s');
    expect(factory.terminated).toBe(1);
    pool.submit(job(2, { do: 'loss', loss: 3 }));
    expect((await next(pool)).outcome).toEqual({ ok: true, value: 3 });
    expect(factory.spawned).toBe(2);
  });

  it('fails a trial whose worker crashes or closes itself, and keeps running later trials', async () => {
    const { pool, factory } = makePool(1);
    pool.submit(job(0, { do: 'crash' }));
    const crashed = await next(pool);
    expect((crashed.outcome as { error: Error }).error.name).toBe('WorkerCrashedError');
    pool.submit(job(1, { do: 'exit' }));
    const exited = await next(pool);
    expect((exited.outcome as { error: Error }).error.message).toContain('called close()');
    pool.submit(job(2, { do: 'loss', loss: 1 }));
    expect((await next(pool)).outcome).toEqual({ ok: true, value: 1 });
    expect(factory.spawned).toBe(3);
  });

  it('cancelAll terminates every busy worker at once and drops their completions', async () => {
    const { pool, factory } = makePool(3);
    for (let tid = 0; tid < 3; tid++) pool.submit(job(tid, { do: 'hang' }));
    await vi.advanceTimersByTimeAsync(5);
    pool.cancelAll('stopped');
    expect(pool.inFlight).toBe(0);
    expect(factory.terminated).toBe(3);
    expect(pool.takeDetails(2)?.durationMs).toBeGreaterThanOrEqual(0);
    pool.submit(job(3, { do: 'loss', loss: 7 }));
    const after = await next(pool);
    expect(after.tid).toBe(3);
  });

  it('maps an objective error to its name, message and user line', async () => {
    const { pool } = makePool(1);
    pool.submit(job(0, { do: 'throw', message: 'bad k', line: 7 }));
    const done = await next(pool);
    const error = (done.outcome as { error: Error }).error;
    expect(error.name).toBe('RangeError');
    expect(error.message).toBe('bad k');
    expect(pool.takeDetails(0)?.line).toBe(7);
  });

  it('fails a trial whose reply is oversized or malformed, and ignores replies for other trials', async () => {
    const { pool } = makePool(1, { perTrialTimeoutMs: 500 });
    pool.submit(job(0, { do: 'raw', payload: 'x'.repeat(1_000_001) }));
    const huge = await next(pool);
    expect((huge.outcome as { error: Error }).error.message).toMatch(/1\.0 MB, over the 1 MB limit/);
    pool.submit(job(1, { do: 'raw', payload: 42 }));
    expect((await next(pool)).outcome).toMatchObject({ ok: false });
    pool.submit(job(2, { do: 'raw', payload: '{"ok":true,"value":1,"run":{"metrics":"no"}}' }));
    const bad = await next(pool);
    expect((bad.outcome as { error: Error }).error.name).toBe('UntrustedResultError');
  });

  it('rejects nextCompletion with a clear error when the objective module fails to load', async () => {
    const factory = createFakeFactory({ loadError: 'Unexpected token' });
    const pool = new WorkerPool({ parallelism: 2, factory, maxLine: 10, now: () => Date.now() });
    pool.submit(job(0, { do: 'loss', loss: 1 }));
    const promise = pool.nextCompletion();
    const caught = promise.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    const error = (await caught) as Error;
    expect(error.name).toBe('SandboxStartError');
    expect(error.message).toContain('failed while loading at line 2');
    expect(factory.terminated).toBe(factory.spawned);
  });

  it('restarts workers when the sandbox is lost, and ends the run if it keeps being lost', async () => {
    const listeners: ((signal: { kind: 'error'; message: string; sandboxLost: true }) => void)[] = [];
    const inner = createFakeFactory({ startMs: 50 });
    const factory = {
      spawn(listener: Parameters<typeof inner.spawn>[0]) {
        listeners.push(listener);
        return inner.spawn(listener);
      },
    };
    const pool = new WorkerPool({ parallelism: 2, factory, maxLine: 5, now: () => Date.now() });
    const lose = () => {
      for (const listener of listeners.splice(0))
        listener({ kind: 'error', message: 'the sandbox stopped', sandboxLost: true });
    };
    pool.submit(job(0, { do: 'hang' }));
    pool.submit(job(1, { do: 'loss', loss: 1 }));
    await vi.advanceTimersByTimeAsync(10); // both workers still starting
    lose();
    await vi.advanceTimersByTimeAsync(500);
    const first = await next(pool);
    expect(first.outcome).toEqual({ ok: true, value: 1 });
    await vi.advanceTimersByTimeAsync(200);
    lose(); // job 0 hangs in a busy worker: it fails with the sandbox
    const crashed = await next(pool);
    expect((crashed.outcome as { error: Error }).error.message).toContain('the sandbox stopped');
    pool.submit(job(2, { do: 'hang' }));
    await vi.advanceTimersByTimeAsync(200);
    lose();
    const caught = pool.nextCompletion().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    expect(((await caught) as Error).message).toMatch(/^The sandbox stopped 3 times in this run/);
  });

  it('gives up at once when a starting worker sends garbage', async () => {
    const factory = createFakeFactory({ loadError: 'x' });
    const pool = new WorkerPool({ parallelism: 1, factory, maxLine: 1, now: () => Date.now() });
    pool.submit(job(0, { do: 'loss', loss: 1 }));
    const caught = pool.nextCompletion().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    expect(((await caught) as Error).message).toContain(
      'invalid message while starting (the error line must be a line of the objective (1 to 1))',
    );
  });

  it('gives up with a clear error when a worker never starts', async () => {
    const factory = createFakeFactory({ neverReady: true });
    const pool = new WorkerPool({ parallelism: 1, factory, maxLine: 10, spawnTimeoutMs: 1000 });
    pool.submit(job(0, { do: 'loss', loss: 1 }));
    const caught = pool.nextCompletion().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1500);
    expect(((await caught) as Error).message).toContain('did not start a trial worker within 1 s');
  });
});
