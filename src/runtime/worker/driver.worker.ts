/// <reference lib="webworker" />
/**
 * The driver: a module worker of the app that runs fmin and the algorithm, drives the trial pool
 * in the sandbox and reports progress. The page never runs an algorithm or an objective.
 */
import { expose } from 'comlink';
// Registers rand, anneal, tpe and mix with the algorithm registry.
import '../../core/algorithms/mix';
import { DRIVER_PROTOCOL_VERSION, ProtocolError, type DriverApi } from '../protocol';
import { EventBatcher } from '../run/eventBatcher';
import { RUN_EVENTS_VERSION, type RunEventBatch, type SandboxLostNotice } from '../run/events';
import { executeRun, type RunHandle } from '../run/executeRun';
import { RunRequestError, decodeRunRequest } from '../run/runRequest';
import { SandboxLink } from '../sandbox/sandboxLink';
import { checkObjective, evaluateSpace } from '../space/evaluateSpace';

let sandbox: SandboxLink | undefined;
let events: MessagePort | undefined;
let active: { runId: number; handle: RunHandle } | undefined;
let nextRunId = 1;

const cores = (): number => Math.max(1, self.navigator.hardwareConcurrency || 1);

const api: DriverApi = {
  hello(protocolVersion) {
    const started = performance.now();
    if (protocolVersion !== DRIVER_PROTOCOL_VERSION) {
      throw new ProtocolError(
        `The page speaks protocol ${String(protocolVersion)}, this worker ${DRIVER_PROTOCOL_VERSION}: reload the page.`,
      );
    }
    return {
      protocolVersion: DRIVER_PROTOCOL_VERSION,
      hardwareConcurrency: cores(),
      workerMillis: performance.now() - started,
    };
  },

  attachSandbox(control) {
    // A second call brings a new sandbox after the first was lost: the link (and the running
    // pool that uses it) carries on with it.
    if (sandbox !== undefined) return sandbox.replaceControl(control);
    sandbox = new SandboxLink(control, () =>
      events?.postMessage({ v: RUN_EVENTS_VERSION, sandboxLost: true } satisfies SandboxLostNotice),
    );
  },

  attachEvents(port) {
    events = port;
  },

  async startRun(raw) {
    if (sandbox === undefined || events === undefined) {
      throw new RunRequestError('The sandbox', 'is not ready yet; wait a moment and run again');
    }
    if (active !== undefined) throw new RunRequestError('A run', 'is already in progress; stop it first');
    const request = decodeRunRequest(raw);
    const runId = nextRunId++;
    const port = events;
    const batcher = new EventBatcher({
      deliver: (batch) =>
        port.postMessage({ v: RUN_EVENTS_VERSION, runId, events: batch } satisfies RunEventBatch),
    });
    const handle = executeRun(request, {
      sandbox,
      hardwareConcurrency: cores(),
      emit: (event) => batcher.push(event),
    });
    active = { runId, handle };
    void handle.done.then(() => {
      if (active?.runId === runId) active = undefined;
    });
    return runId;
  },

  stopRun(runId, reason) {
    if (active?.runId === runId) active.handle.stop(reason);
  },

  async evaluateSpace(request) {
    if (sandbox === undefined)
      return { ok: false, message: 'The sandbox is not ready yet; the space is checked once it is.' };
    return evaluateSpace(request, sandbox);
  },

  checkObjective(request) {
    return checkObjective(request);
  },
};

expose(api);
