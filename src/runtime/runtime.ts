/**
 * The runtime as the UI sees it: one object (provided through React context) with a state to
 * render, a way to start and stop runs, and nothing about workers, ports or Comlink.
 */
import type { JsonValue } from '../core';
import type { DriverHello } from './protocol';
import type { RunView } from './run/progress';
import type { RunRequest } from './run/runRequest';
import type { SourceCheck, SourceRequest, SpaceEvaluation } from './space/evaluateSpace';

export type { SourceCheck, SourceRequest, SpaceEvaluation };

export type Readiness = { state: 'starting' } | { state: 'ready' } | { state: 'failed'; message: string };

export interface RuntimeState {
  /** The driver worker: ready once it answered hello. */
  readonly driver: Readiness;
  readonly hello: DriverHello | undefined;
  /** Round trip of the first hello, in ms. */
  readonly helloMillis: number | undefined;
  /** The sandbox iframe: ready once the driver holds its control channel. */
  readonly sandbox: Readiness;
  /** The current or last run. */
  readonly run: RunView | undefined;
}

/**
 * What the page keeps with a run it starts. The runtime itself ignores it; the run history's
 * wrapper (TrackedRuntime) records it. Plain JSON.
 */
export interface RunRecordOptions {
  /** The playground draft the run was started from, stored with the run to open it again. */
  draft?: JsonValue;
  /** The recorded run this one continues (its trials are in the request's `resume`). */
  resumeRunId?: string;
}

export interface Runtime {
  getState(): RuntimeState;
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Starts a run; rejects with a sentence (e.g. a syntax error with its line) if it cannot start. */
  startRun(request: RunRequest, record?: RunRecordOptions): Promise<void>;
  /** Stops the current run, if any. */
  stopRun(reason?: string): void;
  /** Evaluates a space module in the sandbox: a validated SpaceDocument, or why not (with its line). */
  evaluateSpace(request: SourceRequest): Promise<SpaceEvaluation>;
  /** Compiles the objective without running it: its syntax error and line, if any. */
  checkObjective(request: SourceRequest): Promise<SourceCheck>;
  dispose(): void;
}

/** What a user's Stop records on the cancelled trials. */
export const USER_STOP_REASON = 'stopped by the user';
