/// <reference lib="webworker" />
/**
 * The lab worker: simulates parallelism labs and algorithm races in virtual time, off the page's
 * thread. Its own module worker (not the driver), so a lab never waits for, or delays, a real run.
 */
import { expose, releaseProxy } from 'comlink';
import type { Remote } from 'comlink';
// Registers rand, anneal, tpe and mix with the algorithm registry.
import '../../core/algorithms/mix';
import { executeLab } from './executeLab';
import { decodeLabRequest } from './labRequest';
import type { LabApi } from './labProtocol';

const cancelled = new Set<number>();

// A message round trip yields to the event loop without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

const api: LabApi = {
  async run(jobId, raw, onProgress) {
    const request = decodeLabRequest(raw);
    try {
      return await executeLab(request, {
        onProgress: (progress) => void onProgress(progress),
        isCancelled: () => cancelled.has(jobId),
        yieldNow,
        now: () => performance.now(),
      });
    } finally {
      cancelled.delete(jobId);
      // The page's callback arrives as a proxy with its own channel: close it with the run.
      (onProgress as unknown as Remote<LabApi['run']>)[releaseProxy]();
    }
  },
  cancel(jobId) {
    cancelled.add(jobId);
  },
};

expose(api);
