/**
 * A fake TrialWorkerFactory for Node tests: each "worker" answers after `delayMs` of fake time with
 * what its job's config asks for (a loss, a throw, a hang, a crash, a forged or oversized reply).
 */
import type { TrialWorkerFactory, TrialWorkerHandle, WorkerSignal } from './poolTypes';
import type { RunTrialMessage } from './trialProtocol';

/** What a fake worker does with a job: the job's config is one of these. */
export type FakeBehaviour =
  | { do: 'loss'; loss: number; delayMs?: number }
  | { do: 'throw'; message: string; line?: number; delayMs?: number }
  | { do: 'hang' }
  | { do: 'crash'; delayMs?: number }
  | { do: 'exit'; delayMs?: number }
  | { do: 'raw'; payload: unknown; delayMs?: number }
  | { do: 'forgeTid'; delayMs?: number };

export interface FakeFactoryOptions {
  /** Delay before a worker says ready (ms of fake time). */
  startMs?: number;
  /** Make every worker fail to load with this message. */
  loadError?: string;
  /** Never say ready. */
  neverReady?: boolean;
  /** Chooses the behaviour from the job (default: the job's config is the behaviour). */
  behave?: (tid: number, config: unknown) => FakeBehaviour;
}

export interface FakeFactory extends TrialWorkerFactory {
  spawned: number;
  terminated: number;
  /** Tids in the order workers received them. */
  received: number[];
}

const run = () => ({ params: {}, metrics: [], tags: {}, artifacts: [], logs: [] });

export function createFakeFactory(options: FakeFactoryOptions = {}): FakeFactory {
  const factory: FakeFactory = {
    spawned: 0,
    terminated: 0,
    received: [],
    spawn(listener: (signal: WorkerSignal) => void): TrialWorkerHandle {
      factory.spawned += 1;
      let alive = true;
      const timers = new Set<ReturnType<typeof setTimeout>>();
      const later = (ms: number, action: () => void) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (alive) action();
        }, ms);
        timers.add(timer);
      };
      const say = (data: unknown) => listener({ kind: 'message', data });
      if (options.loadError !== undefined) {
        const message = options.loadError;
        later(options.startMs ?? 1, () =>
          say({ t: 'loadError', error: { name: 'SyntaxError', message, line: 2 } }),
        );
      } else if (!options.neverReady) {
        later(options.startMs ?? 1, () => say({ t: 'ready' }));
      }
      return {
        post(message: RunTrialMessage) {
          factory.received.push(message.tid);
          const b = options.behave?.(message.tid, message.config) ?? (message.config as FakeBehaviour);
          const done = (payload: unknown) =>
            say({ t: 'done', tid: message.tid, payload: JSON.stringify(payload) });
          switch (b.do) {
            case 'loss':
              return later(b.delayMs ?? 10, () => done({ ok: true, value: b.loss, run: run() }));
            case 'throw':
              return later(b.delayMs ?? 10, () =>
                done({
                  ok: false,
                  error: { name: 'RangeError', message: b.message, line: b.line },
                  run: run(),
                }),
              );
            case 'hang':
              return;
            case 'crash':
              return later(b.delayMs ?? 10, () => listener({ kind: 'error', message: 'the worker crashed' }));
            case 'exit':
              return later(b.delayMs ?? 10, () => say({ t: 'exit', detail: 'the objective called close()' }));
            case 'raw':
              return later(b.delayMs ?? 10, () => say({ t: 'done', tid: message.tid, payload: b.payload }));
            case 'forgeTid':
              return later(b.delayMs ?? 10, () => done({ ok: true, value: 1, run: run() }));
          }
        },
        terminate() {
          if (!alive) return;
          alive = false;
          factory.terminated += 1;
          for (const timer of timers) clearTimeout(timer);
        },
      };
    },
  };
  return factory;
}
