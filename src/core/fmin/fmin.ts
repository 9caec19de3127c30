/**
 * hyperopt/fmin.py:fmin — minimize an objective over a search space — as an async function.
 */
import { spaceEval } from '../space';
import type { Vals } from '../space/types';
import type { Trials } from '../trials/trials';
import type { TrialDoc } from '../trials/types';
import { runAsync } from './asyncLoop';
import { createRunContext } from './context';
import type { RunContext, StopReason } from './context';
import { NoTrialsError } from './errors';
import type { FminOptions } from './options';
import { validateFminOptions } from './options';
import { runSerial } from './serialLoop';
import { cancelQueued, stopDescription } from './steps';

/** What a run did, for callers that need more than the argmin (the browser runtime, the UI). */
export interface FminReport {
  /** The store, with every document of this and earlier runs. */
  trials: Trials;
  /** Why the run ended. */
  stopReason: StopReason;
  /** The best trial (status 'ok', lowest loss), or undefined when there is none. */
  bestTrial: TrialDoc | undefined;
}

async function execute(ctx: RunContext): Promise<void> {
  const { executor } = ctx;
  try {
    if (executor.asynchronous) await runAsync(ctx, executor);
    else await runSerial(ctx, executor);
  } finally {
    ctx.abort.dispose();
    // Trials asked for but not started (timeout, abort, early stop, an error) are cancelled, so a
    // finished run leaves no NEW document behind.
    if (ctx.queue.length > 0)
      cancelQueued(ctx, ctx.stopReason === undefined ? 'fmin failed' : stopDescription(ctx));
  }
}

/**
 * Runs fmin and reports the outcome instead of the argmin. Same options and semantics as
 * {@link fmin}; never throws for "no successful trial".
 */
export async function runFmin<Config = unknown>(options: FminOptions<Config>): Promise<FminReport> {
  validateFminOptions(options as FminOptions<never>);
  const ctx = createRunContext(options as FminOptions<never>);
  await execute(ctx);
  const best = ctx.trials.bestLoss === undefined ? undefined : ctx.trials.bestTrial;
  return { trials: ctx.trials, stopReason: ctx.stopReason ?? 'maxEvals', bestTrial: best };
}

/**
 * Minimizes `fn` over `space` (hyperopt/fmin.py:fmin).
 *
 * The loop is Hyperopt's FMinIter.run: ask the algorithm for up to `maxQueueLen` trials (one seed
 * `seedFromRng(rstate)` per call), evaluate them, consult `earlyStopFn`, and stop on `maxEvals`
 * total trials, `timeout`, `lossThreshold` (best loss strictly below it), an empty suggestion or
 * `signal`. Calling it again with the same `trials` resumes until the total reaches `maxEvals`.
 * The objective gets `spaceEval(space, vals)`, may be async, and returns a loss or a result object
 * `{status, loss, ...}`; failures are recorded as JOB_STATE_ERROR documents and, unless
 * `catchEvalExceptions`, end the run with TrialEvaluationError. With an asynchronous executor
 * several trials run at once (see asyncLoop.ts).
 *
 * @returns `trials.argmin` (choices as option indices, inactive labels omitted), or with
 *   `returnArgmin: false` the configuration `spaceEval(space, argmin)` (null when no trial ran).
 * @throws FminOptionError for invalid options; NoTrialsError when no trial ran (argmin requested);
 *   AllTrialsFailed when trials ran but none succeeded; TrialEvaluationError (see above).
 */
export async function fmin<Config = unknown>(
  options: FminOptions<Config> & { returnArgmin?: true },
): Promise<Vals>;
export async function fmin<Config = unknown>(options: FminOptions<Config>): Promise<unknown>;
export async function fmin<Config = unknown>(options: FminOptions<Config>): Promise<unknown> {
  validateFminOptions(options as FminOptions<never>);
  const ctx = createRunContext(options as FminOptions<never>);
  await execute(ctx);
  const { trials } = ctx;
  if (options.returnArgmin ?? true) {
    // fmin.py: "There are no evaluation tasks, cannot return argmin of task losses."
    if (trials.length === 0) throw new NoTrialsError();
    return trials.argmin;
  }
  // fmin.py: space_eval(space, trials.argmin) when len(trials) > 0, else None.
  return trials.length > 0 ? spaceEval(ctx.space, trials.argmin) : null;
}
