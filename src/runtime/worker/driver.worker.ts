/// <reference lib="webworker" />
import { expose } from 'comlink';
import { DRIVER_PROTOCOL_VERSION, ProtocolError, type DriverApi } from '../protocol';

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
      hardwareConcurrency: Math.max(1, self.navigator.hardwareConcurrency || 1),
      workerMillis: performance.now() - started,
    };
  },
};

expose(api);
