/**
 * The page's handle on the lab worker (started on first use). A run resolves with the worker's
 * outcome; `cancel` makes it resolve 'cancelled' between two simulated runs. A worker that dies
 * rejects every pending run (a terminated worker would otherwise leave Comlink calls pending forever).
 */
import { proxy, releaseProxy, wrap } from 'comlink';
import type { Remote } from 'comlink';
import { decodeLabOutcome } from './labProtocol';
import type { LabApi, LabOutcome, LabProgress } from './labProtocol';
import type { LabRequest } from './labRequest';

export interface LabJob {
  done: Promise<LabOutcome>;
  cancel(): void;
}

export interface LabClient {
  run(request: LabRequest, onProgress: (progress: LabProgress) => void): LabJob;
  close(): void;
}

/** Starts the lab module worker (bundled by Vite). */
export function startLabWorker(): LabClient {
  const worker = new Worker(new URL('./lab.worker.ts', import.meta.url), {
    type: 'module',
    name: 'hyperopt-lab',
  });
  const remote: Remote<LabApi> = wrap<LabApi>(worker);
  const pending = new Set<(error: Error) => void>();
  let nextJob = 1;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure = error;
    for (const reject of pending) reject(error);
    pending.clear();
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fail(new Error(`The lab worker stopped (${event.message || 'it could not start'}); reload the page.`));
  });
  return {
    run(request, onProgress) {
      const jobId = nextJob++;
      const done = new Promise<LabOutcome>((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        pending.add(reject);
        remote.run(jobId, request, proxy(onProgress)).then(
          (answer) => {
            pending.delete(reject);
            try {
              resolve(decodeLabOutcome(answer));
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          },
          (error: unknown) => {
            pending.delete(reject);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
      return { done, cancel: () => void remote.cancel(jobId) };
    },
    close() {
      remote[releaseProxy]();
      worker.terminate();
      fail(new Error('The lab worker was closed.'));
    },
  };
}
