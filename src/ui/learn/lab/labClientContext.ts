/**
 * How the Learn topics reach the lab worker: through a context, so a test or another host can hand
 * them a different client. Without a provider they share one worker for the page, started on first
 * use and replaced after a failure (so one crash does not disable the topics).
 */
import { createContext } from 'react';
import { startLabWorker } from '../../../runtime/lab/labClient';
import type { LabClient } from '../../../runtime/lab/labClient';

export interface LabClientSource {
  get(): LabClient;
  /** Closes the client after a failure it may not survive; the next `get` starts a new one. */
  drop(): void;
}

let shared: LabClient | undefined;

export const sharedLabClient: LabClientSource = {
  get() {
    shared ??= startLabWorker();
    return shared;
  },
  drop() {
    shared?.close();
    shared = undefined;
  },
};

export const LabClientContext = createContext<LabClientSource>(sharedLabClient);
