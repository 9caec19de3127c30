/**
 * The browser runtime: starts the driver worker and the sandbox iframe, connects them, and folds
 * the driver's event batches into the state the UI renders.
 */
import trialWorkerBundleUrl from 'virtual:trial-worker-bundle';
import { startDriver } from './driverClient';
import { ProgressModel } from './run/progress';
import { decodeRunEventBatch, isSandboxLostNotice, type RunEventBatch } from './run/events';
import type { RunRequest } from './run/runRequest';
import { createSandbox, type Sandbox } from './sandbox/sandboxHost';
import { USER_STOP_REASON, type Runtime, type RuntimeState } from './runtime';

/** At most this often the UI re-renders run progress (the run's end renders at once). */
const RENDER_INTERVAL_MS = 100;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Creates the runtime for this page. Call `dispose()` when the app unmounts. */
export function createBrowserRuntime(doc: Document = document): Runtime {
  const driver = startDriver();
  const listeners = new Set<() => void>();
  let state: RuntimeState = {
    driver: { state: 'starting' },
    hello: undefined,
    helloMillis: undefined,
    sandbox: { state: 'starting' },
    run: undefined,
  };
  let model: ProgressModel | undefined;
  // Batches can overtake startRun's answer (they travel on another port): keep them until then.
  let early: { runId: number; events: RunEventBatch['events'] }[] = [];
  let sandbox: Sandbox | undefined;
  let disposed = false;
  let renderTimer: ReturnType<typeof setTimeout> | undefined;

  const update = (change: Partial<RuntimeState>): void => {
    if (disposed) return;
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  };

  const started = performance.now();
  driver.hello().then(
    (hello) => update({ driver: { state: 'ready' }, hello, helloMillis: performance.now() - started }),
    (error: unknown) => update({ driver: { state: 'failed', message: message(error) } }),
  );

  const events = new MessageChannel();
  events.port1.onmessage = (event: MessageEvent) => {
    if (isSandboxLostNotice(event.data)) {
      // Its process is gone (a trial exhausted memory): the driver has failed the trials it ran;
      // a new sandbox lets the run, and later runs, go on.
      sandbox?.dispose();
      sandbox = undefined;
      void connectSandbox();
      return;
    }
    const batch = decodeRunEventBatch(event.data);
    if (batch === undefined) return;
    if (model === undefined || batch.runId > model.snapshot.runId) {
      early.push(batch);
      return;
    }
    if (batch.runId !== model.snapshot.runId) return;
    const view = model.apply(batch.events);
    // Render at most every RENDER_INTERVAL_MS while a run goes on (each render costs layout and
    // paint on the page's thread, which shares the cores with the driver and the trials).
    if (view.phase === 'ended') {
      clearTimeout(renderTimer);
      renderTimer = undefined;
      update({ run: view });
    } else if (renderTimer === undefined) {
      renderTimer = setTimeout(() => {
        renderTimer = undefined;
        if (model !== undefined) update({ run: model.snapshot });
      }, RENDER_INTERVAL_MS);
    }
  };

  /** Creates a sandbox iframe and hands its control channel to the driver. */
  const connectSandbox = async (): Promise<void> => {
    update({ sandbox: { state: 'starting' } });
    try {
      const created = await createSandbox(doc, trialWorkerBundleUrl);
      if (disposed) return created.dispose();
      sandbox = created;
      await driver.attachSandbox(created.controlPort);
      update({ sandbox: { state: 'ready' } });
    } catch (error) {
      update({ sandbox: { state: 'failed', message: message(error) } });
    }
  };

  void (async () => {
    try {
      await driver.attachEvents(events.port2);
    } catch (error) {
      update({ sandbox: { state: 'failed', message: message(error) } });
      return;
    }
    await connectSandbox();
  })();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async startRun(request: RunRequest) {
      if (state.run?.phase === 'running') throw new Error('A run is already in progress; stop it first.');
      const runId = await driver.startRun(request);
      model = new ProgressModel(runId, request.maxEvals);
      for (const batch of early) if (batch.runId === runId) model.apply(batch.events);
      early = early.filter((batch) => batch.runId > runId);
      update({ run: model.snapshot });
    },
    evaluateSpace: (request) => driver.evaluateSpace(request),
    checkObjective: (request) => driver.checkObjective(request),
    stopRun(reason = USER_STOP_REASON) {
      const run = state.run;
      if (run === undefined || run.phase !== 'running') return;
      driver.stopRun(run.runId, reason).catch(() => undefined);
    },
    dispose() {
      disposed = true;
      listeners.clear();
      events.port1.close();
      sandbox?.dispose();
      driver.close();
    },
  };
}
