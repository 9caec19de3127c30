/**
 * The run store benchmark, in the page: real IndexedDB in Chromium, driven by
 * bench/suites/trackingStore.ts through `window.trackingBench`. Each measure returns plain numbers.
 */
import { FminTracker, IdbRunStore, WriteBatcher, frameSchedule, searchRuns } from '../../src/tracking';
import type { FminEvent, RunDelta } from '../../src/tracking';

const DB = 'hyperopt-playground-bench';

function open(): Promise<IdbRunStore> {
  return IdbRunStore.open({ name: DB });
}

async function reset(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};

/**
 * Records `trials` trial ends through FminTracker, as a trivial objective on the pool produces
 * them: all at once (`rate` null) or `rate` per second. Throughput counts until the last trial is
 * durable (its transaction committed).
 */
async function persist(trials: number, rate: number | null) {
  await reset();
  const store = await open();
  const experiment = await store.createExperiment('bench');
  let transactions = 0;
  let writeMs = 0;
  const write = store.write.bind(store);
  store.write = async (deltas, options) => {
    transactions++;
    const t = performance.now();
    try {
      return await write(deltas, options);
    } finally {
      writeMs += performance.now() - t;
    }
  };
  const tracker = new FminTracker({
    store,
    experimentId: experiment.id,
    batcher: new WriteBatcher(store, frameSchedule()),
  });
  const t0 = performance.now();
  await tracker.handle({
    type: 'fminStarted',
    time: Date.now(),
    settings: {
      maxEvals: trials,
      parallelism: 8,
      actualParallelism: 8,
      timeout: null,
      algo: 'rand',
      maxQueueLen: 1,
      space: { x: 'uniform' },
    },
  });
  const latencies: number[] = [];
  const durable: Promise<void>[] = [];
  const emit = (tid: number) => {
    const at = performance.now();
    void tracker.handle({ type: 'trialStarted', tid, time: Date.now() });
    const event: FminEvent = {
      type: 'trialEnded',
      tid,
      time: Date.now(),
      outcome: 'ok',
      loss: Math.sin(tid),
      durationMs: 1,
      vals: { x: tid / trials, y: (tid * 7) % 13 },
    };
    durable.push(tracker.handle(event).then(() => void latencies.push(performance.now() - at)));
  };
  const start = performance.now();
  if (rate === null) {
    for (let tid = 0; tid < trials; tid++) emit(tid);
  } else {
    let tid = 0;
    while (tid < trials) {
      const due = Math.min(trials, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      while (tid < due) emit(tid++);
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
  }
  await Promise.all(durable);
  const ms = performance.now() - start;
  await tracker.handle({
    type: 'fminEnded',
    time: Date.now(),
    stopReason: 'maxEvals',
    summary: { total: trials, succeeded: trials, failed: 0, cancelled: 0 },
  });
  const stored = (await store.getRun(tracker.parentRunId!))!.children.total;
  store.close();
  return {
    ms,
    writeMs,
    perSecond: (trials / ms) * 1000,
    transactions,
    p95DurableMs: percentile(latencies, 0.95),
    maxDurableMs: percentile(latencies, 1),
    stored,
    setupMs: start - t0,
  };
}

/** store.write alone: `n` fresh child deltas in one call, as the batcher hands them over. */
async function writeOnly(n: number) {
  await reset();
  const store = await open();
  const experiment = await store.createExperiment('bench');
  const parent = await store.createRun({
    experimentId: experiment.id,
    parentRunId: null,
    name: 'p',
    startTime: 0,
  });
  const deltas: RunDelta[] = [];
  for (let tid = 0; tid < n; tid++) {
    deltas.push({
      id: `${parent.id}-${tid}`,
      fresh: true,
      create: { experimentId: experiment.id, parentRunId: parent.id, name: `trial ${tid}`, startTime: tid },
      params: { x: String(tid / n), y: String(tid % 13) },
      tags: { fmin_uuid: 'abcdef', runSource: 'hyperoptAutoTracking', trial_status: 'success' },
      metrics: [{ key: 'loss', value: tid, step: 0, timestamp: tid }],
      status: 'FINISHED',
      endTime: tid + 1,
      trial: {
        tid,
        vals: { x: tid / n, y: tid % 13 },
        outcome: 'ok',
        loss: tid,
        durationMs: 1,
        error: null,
        result: null,
      },
    });
  }
  const start = performance.now();
  await store.write(deltas);
  const ms = performance.now() - start;
  store.close();
  return { ms, perSecond: (n / ms) * 1000 };
}

/**
 * The ceiling: `n` rows shaped like child runs added in one transaction with the raw IndexedDB API,
 * two indexes as the runs store has for children, no store code at all.
 */
async function rawCeiling(n: number) {
  const name = `${DB}-raw`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('runs', { keyPath: 'id' });
      store.createIndex('byParent', 'parent');
      store.createIndex('byExperiment', 'experimentId');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = performance.now();
  const tx = db.transaction('runs', 'readwrite');
  const store = tx.objectStore('runs');
  for (let i = 0; i < n; i++) {
    store.add({
      id: `${i}`.padStart(32, '0'),
      experimentId: 'e'.repeat(32),
      parent: 'p'.repeat(32),
      name: `trial ${i}`,
      status: 'FINISHED',
      startTime: i,
      endTime: i + 1,
      params: { x: String(i / n), y: String(i % 13) },
      tags: {
        'mlflow.parentRunId': 'p'.repeat(32),
        fmin_uuid: 'abcdef',
        runSource: 'hyperoptAutoTracking',
        trial_status: 'success',
      },
      metrics: { loss: { value: i, step: 0, timestamp: i } },
      trial: {
        tid: i,
        vals: { x: i / n, y: i % 13 },
        outcome: 'ok',
        loss: i,
        durationMs: 1,
        error: null,
        result: null,
      },
    });
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - start;
  db.close();
  indexedDB.deleteDatabase(name);
  return { ms, perSecond: (n / ms) * 1000 };
}

/** 1 parent with `big` children and `parents - 1` sharing the rest of `children`. */
async function seed(parents: number, children: number, big: number) {
  await reset();
  const store = await open();
  const experiment = await store.createExperiment('history');
  const start = performance.now();
  let bigParentId = '';
  let left = children;
  for (let p = 0; p < parents; p++) {
    const count =
      p === 0
        ? big
        : Math.floor((children - big) / (parents - 1)) +
          (p === parents - 1 ? (children - big) % (parents - 1) : 0);
    const parent = await store.createRun({
      experimentId: experiment.id,
      parentRunId: null,
      name: `fmin ${p}`,
      startTime: 1_700_000_000_000 + p * 1_000,
      params: { max_evals: String(count) },
      tags: { runSource: 'hyperoptAutoTracking' },
    });
    if (p === 0) bigParentId = parent.id;
    for (let from = 0; from < count; from += 5_000) {
      const deltas: RunDelta[] = [];
      for (let tid = from; tid < Math.min(count, from + 5_000); tid++) {
        const loss = Math.abs(Math.sin(p * 100_003 + tid));
        deltas.push({
          id: `${parent.id}-${tid}`,
          create: {
            experimentId: experiment.id,
            parentRunId: parent.id,
            name: `trial ${tid}`,
            startTime: parent.startTime + tid,
          },
          params: { x: String(loss * 10 - 5), kind: String(tid % 3) },
          tags: { fmin_uuid: 'bench0', runSource: 'hyperoptAutoTracking', trial_status: 'success' },
          metrics: [{ key: 'loss', value: loss, step: 0, timestamp: parent.startTime + tid }],
          status: 'FINISHED',
          endTime: parent.startTime + tid + 1,
          trial: {
            tid,
            vals: { x: loss * 10 - 5, kind: tid % 3 },
            outcome: 'ok',
            loss,
            durationMs: 1,
            error: null,
            result: null,
          },
        });
      }
      await store.write(deltas);
    }
    await store.endRun(parent.id, 'FINISHED');
    left -= count;
  }
  store.close();
  return { ms: performance.now() - start, bigParentId, experimentId: experiment.id, left };
}

/** Opening the store and listing an experiment's top-level runs (with their child summaries). */
async function openAndList(experimentId: string) {
  const t0 = performance.now();
  const store = await open();
  const t1 = performance.now();
  const runs = await store.listRuns({ experimentId, parentRunId: null });
  const t2 = performance.now();
  const childTotal = runs.reduce((sum, r) => sum + r.children.total, 0);
  store.close();
  return { openMs: t1 - t0, listMs: t2 - t1, totalMs: t2 - t0, parents: runs.length, childTotal };
}

async function loadChildren(parentId: string) {
  const store = await open();
  const t0 = performance.now();
  const runs = await store.listRuns({ parentRunId: parentId });
  const ms = performance.now() - t0;
  store.close();
  return { ms, count: runs.length };
}

async function search(experimentId: string, filter: string) {
  const store = await open();
  const t0 = performance.now();
  const runs = await searchRuns(store, {
    experimentIds: [experimentId],
    filter,
    orderBy: 'metrics.loss ASC',
    maxResults: 100,
  });
  const ms = performance.now() - t0;
  store.close();
  return { ms, count: runs.length };
}

Object.assign(window, {
  trackingBench: { persist, rawCeiling, writeOnly, seed, openAndList, loadChildren, search, reset },
});
document.title = 'tracking bench ready';
