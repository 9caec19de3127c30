/**
 * Resume: the trials a run already has, sent with its RunRequest so that fmin continues them
 * (Hyperopt's `fmin(..., trials=trials, max_evals=larger)`: FMinIter.exhaust runs
 * `max_evals - len(trials)` new trials, the algorithm sees the old ones, tids go on after them).
 *
 * The trials cross the page -> driver boundary as plain trial documents (core's TrialDoc shape,
 * only what fmin needs: tid, state, result status/loss, misc.vals/idxs, error), checked twice: here
 * for shape and bounds (`decodeResume`, from decodeRunRequest), and against the run's space once the
 * driver has compiled it (`resumedTrialDocs`), so a trial that no longer fits is named, not fed to TPE.
 *
 * Trials a killed run left unfinished come back CANCELLED (see tracking's loadTrials): like
 * Hyperopt, fmin does not count them towards max evals (their budget is spent again) and the
 * algorithm ignores them (no loss); they are kept so their tids stay taken, since their child runs
 * remain in the parent run as the record of what was interrupted.
 */
import {
  JOB_STATE_CANCEL,
  JOB_STATE_DONE,
  JOB_STATE_ERROR,
  STATUS_FAIL,
  STATUS_OK,
  checkPoint,
  createRng,
  findTrialDocProblem,
  newTrialDoc,
  seedFromRng,
  valsToMisc,
  type CompiledSpace,
  type SeededRng,
  type TrialDoc,
  type TrialResult,
} from '../../core';
import type { ResumedTrialView, RunEvent } from './events';
import { RunRequestError } from './runRequestError';

/** Bump when the shape changes. */
export const RESUME_VERSION = 1;
/** At most this many previous trials (the largest run a request may ask for). */
export const MAX_RESUMED_TRIALS = 1_000_000;
/** Error texts kept per trial (type, message). */
const MAX_ERROR_CHARS = 2_000;

export interface ResumeState {
  version: typeof RESUME_VERSION;
  /** Ended trials (DONE, ERROR or CANCEL), in any order, unique tids. */
  trials: TrialDoc[];
}

const ENDED_STATES: readonly number[] = [JOB_STATE_DONE, JOB_STATE_ERROR, JOB_STATE_CANCEL];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The part of a document fmin needs, nothing else (results may carry up to 10 KB each). */
function compact(doc: TrialDoc): TrialDoc {
  const result: TrialResult = { status: doc.result.status };
  if (doc.result.loss !== undefined) result.loss = doc.result.loss;
  const out = newTrialDoc(doc.tid, { idxs: doc.misc.idxs, vals: doc.misc.vals });
  out.state = doc.state;
  out.result = result;
  out.bookTime = doc.bookTime;
  out.refreshTime = doc.refreshTime;
  if (doc.misc.error !== undefined)
    out.misc.error = [
      doc.misc.error[0].slice(0, MAX_ERROR_CHARS),
      doc.misc.error[1].slice(0, MAX_ERROR_CHARS),
    ];
  return out;
}

/** The resume field for a run's trials (e.g. from tracking's loadTrials): its ended trials, compacted. */
export function toResumeState(docs: readonly TrialDoc[]): ResumeState {
  return {
    version: RESUME_VERSION,
    trials: docs.filter((d) => ENDED_STATES.includes(d.state)).map(compact),
  };
}

/** How many of the trials fmin counts towards max evals (`len(trials)`: DONE ones). */
export function countedTrials(resume: ResumeState): number {
  return resume.trials.filter((d) => d.state === JOB_STATE_DONE).length;
}

/**
 * Validates the resume field's shape and bounds (the space is checked later, by the driver).
 *
 * @throws RunRequestError naming the first wrong field.
 */
export function decodeResume(value: unknown): ResumeState {
  if (!isRecord(value)) throw new RunRequestError('resume', 'must be {version, trials}');
  if (value['version'] !== RESUME_VERSION)
    throw new RunRequestError(
      'resume.version',
      `must be ${RESUME_VERSION} (got ${String(value['version'])}); reload the page`,
    );
  const raw = value['trials'];
  if (!Array.isArray(raw)) throw new RunRequestError('resume.trials', 'must be an array of trials');
  if (raw.length > MAX_RESUMED_TRIALS)
    throw new RunRequestError(
      'resume.trials',
      `holds ${raw.length} trials, more than the ${MAX_RESUMED_TRIALS.toLocaleString('en')} a run may have`,
    );
  const seen = new Set<number>();
  const trials = raw.map((doc: unknown, i): TrialDoc => {
    const problem = findTrialDocProblem(doc, `resume.trials[${i}]`);
    if (problem !== undefined) throw new RunRequestError(problem.field, problem.problem);
    const trial = doc as TrialDoc;
    if (!ENDED_STATES.includes(trial.state))
      throw new RunRequestError(
        `resume.trials[${i}].state`,
        `must be DONE, ERROR or CANCEL (2, 3 or 4; got ${trial.state}): only ended trials are resumed`,
      );
    if (seen.has(trial.tid)) throw new RunRequestError(`resume.trials[${i}].tid`, `repeats tid ${trial.tid}`);
    seen.add(trial.tid);
    return compact(trial);
  });
  return { version: RESUME_VERSION, trials };
}

/** Flat values of a document (label -> value of the active labels). */
function flat(doc: TrialDoc): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [label, list] of Object.entries(doc.misc.vals)) if (list.length > 0) out[label] = list[0]!;
  return out;
}

/**
 * The documents to seed fmin's Trials with, checked against the run's space: every label known,
 * choice indices in range, the active labels given (a trial that never reported its point, e.g.
 * cancelled while running, may have none). Every document gets every label, as fmin writes them.
 *
 * @throws RunRequestError naming the trial that does not fit.
 */
export function resumedTrialDocs(resume: ResumeState, space: CompiledSpace): TrialDoc[] {
  return resume.trials.map((doc, i) => {
    const vals = flat(doc);
    const out = compact(doc);
    if (Object.keys(vals).length === 0 && doc.state !== JOB_STATE_DONE) {
      const none = Object.fromEntries(space.params.map((p) => [p.label, [] as number[]]));
      out.misc.idxs = none;
      out.misc.vals = { ...none };
      return out;
    }
    try {
      const misc = valsToMisc(space, doc.tid, checkPoint(space, vals, i));
      out.misc.idxs = misc.idxs;
      out.misc.vals = misc.vals;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      throw new RunRequestError(
        `resume.trials[${i}]`,
        `(trial ${doc.tid}) does not fit the run's space: ${text.replace(/^fmin: pointsToEvaluate \[\d+\]/, 'vals')}`,
      );
    }
    if (out.state === JOB_STATE_DONE && out.result.status !== STATUS_OK && out.result.status !== STATUS_FAIL)
      throw new RunRequestError(
        `resume.trials[${i}].result.status`,
        "must be 'ok' or 'fail' for a DONE trial",
      );
    return out;
  });
}

/** The event that shows a resumed run's previous trials (the Trials already seeded with them). */
export function trialsResumedEvent(docs: readonly TrialDoc[]): Extract<RunEvent, { type: 'trialsResumed' }> {
  const trials = [...docs]
    .sort((a, b) => a.tid - b.tid)
    .map((doc): ResumedTrialView => {
      const outcome =
        doc.state === JOB_STATE_DONE && doc.result.status === STATUS_OK
          ? 'ok'
          : doc.state === JOB_STATE_CANCEL
            ? 'cancelled'
            : 'failed';
      const view: ResumedTrialView = { tid: doc.tid, outcome, vals: flat(doc) };
      if (doc.result.loss !== undefined) view.loss = doc.result.loss;
      return view;
    });
  return { type: 'trialsResumed', trials, counted: docs.filter((d) => d.state === JOB_STATE_DONE).length };
}

/**
 * fmin's seed option for a run. A resumed run with a seed continues that seed's stream: the
 * generator skips one draw per previous trial (fmin draws one seed per algorithm call, one call
 * per trial with max queue length 1), so the new trials do not repeat the first run's points, and
 * a serial run resumed this way proposes what the uninterrupted run would have.
 */
export function seedOption(
  seed: number | undefined,
  previous: number,
): { seed: number } | { rstate: SeededRng } | Record<string, never> {
  if (seed === undefined) return {};
  if (previous === 0) return { seed };
  const rstate = createRng(seed);
  for (let i = 0; i < previous; i++) seedFromRng(rstate);
  return { rstate };
}
