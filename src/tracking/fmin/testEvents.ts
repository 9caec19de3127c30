/**
 * Test support: drives an FminTracker from core fmin the way the runtime does (trial ends as
 * events), so the tests record real fmin runs.
 */
import { JOB_STATE_DONE, JOB_STATE_ERROR, miscToVals, runFmin } from '../../core';
import type { FminOptions, TrialDoc } from '../../core';
import type { FminEvent, FminSettings } from './events';
import type { FminTracker } from './fminTracker';

export function trialEndedEvent(doc: TrialDoc): FminEvent {
  const outcome =
    doc.state === JOB_STATE_DONE ? 'ok' : doc.state === JOB_STATE_ERROR ? 'failed' : 'cancelled';
  const event: FminEvent = {
    type: 'trialEnded',
    tid: doc.tid,
    time: doc.refreshTime ?? 0,
    outcome,
    durationMs: (doc.refreshTime ?? 0) - (doc.bookTime ?? doc.refreshTime ?? 0),
    vals: miscToVals(doc.misc),
  };
  if (typeof doc.result.loss === 'number') event.loss = doc.result.loss;
  if (doc.misc.error) event.error = { type: doc.misc.error[0], message: doc.misc.error[1] };
  return event;
}

export function settingsOf(options: { maxEvals: number; space: unknown }, algo = 'rand'): FminSettings {
  return {
    maxEvals: options.maxEvals,
    parallelism: null,
    actualParallelism: 1,
    timeout: null,
    algo,
    maxQueueLen: 1,
    space: options.space,
  };
}

/** Runs core fmin and records it through `tracker`, waiting until every trial is durable. */
export async function trackedFmin<C>(
  tracker: FminTracker,
  options: FminOptions<C>,
  clock: () => number,
  end = true,
) {
  await tracker.handle({
    type: 'fminStarted',
    time: clock(),
    settings: settingsOf({ maxEvals: options.maxEvals ?? 0, space: options.space }),
  });
  const durable: Promise<void>[] = [];
  const report = await runFmin({
    ...options,
    clock,
    onTrialEnd: (doc) => durable.push(tracker.handle(trialEndedEvent(doc))),
  });
  await Promise.all(durable);
  if (end) {
    const docs = report.trials.allTrials;
    const count = (state: number) => docs.filter((d) => d.state === state).length;
    const summary = {
      total: docs.length,
      succeeded: count(JOB_STATE_DONE),
      failed: count(JOB_STATE_ERROR),
      cancelled: count(4),
    };
    const fminEnded: FminEvent = { type: 'fminEnded', time: clock(), stopReason: report.stopReason, summary };
    if (report.bestTrial?.result.loss !== undefined) fminEnded.bestLoss = report.bestTrial.result.loss;
    await tracker.handle(fminEnded);
  }
  return report;
}
