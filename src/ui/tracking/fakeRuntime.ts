/**
 * Test support (imported only by *.test.ts files): a runtime whose state the test sets, to drive a
 * TrackedRuntime without workers.
 */
import type { RunView } from '../../runtime/run/progress';
import type { Runtime, RuntimeState } from '../../runtime/runtime';

/** A runtime whose state the test sets, as the driver's event batches would. */
export function fakeRuntime() {
  const listeners = new Set<() => void>();
  let state: RuntimeState = {
    driver: { state: 'ready' },
    hello: undefined,
    helloMillis: undefined,
    sandbox: { state: 'ready' },
    run: undefined,
  };
  const stops: (string | undefined)[] = [];
  const runtime: Runtime = {
    getState: () => state,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    startRun: async () => undefined,
    stopRun: (reason) => void stops.push(reason),
    evaluateSpace: async () => ({ ok: false, message: 'not used' }),
    checkObjective: async () => ({ ok: true }),
    dispose: () => undefined,
  };
  const setRun = (run: RunView) => {
    state = { ...state, run };
    for (const l of listeners) l();
  };
  return { runtime, setRun, stops };
}
