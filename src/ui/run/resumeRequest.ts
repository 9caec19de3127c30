/**
 * What Resume sends the driver: the run's stored draft with the new max evals, its space evaluated
 * again in the sandbox, and its trials loaded from the store (tracking's loadTrials, as core fmin
 * resumes them) in the request's `resume` field.
 */
import { parseSpaceDocument, type CompiledSpace } from '../../core';
import { toResumeState } from '../../runtime/run/resume';
import type { RunRequest } from '../../runtime/run/runRequest';
import type { Runtime } from '../../runtime/runtime';
import { loadTrials, type Run, type RunStore } from '../../tracking';
import type { Draft } from '../draft/draft';
import { readRunDraft } from '../history/actions/runDraft';
import { toRunRequest } from '../settings/settingsModel';

export interface PreparedResume {
  /** The run's draft with the new max evals: what the playground shows while it runs. */
  draft: Draft;
  request: RunRequest;
  space: CompiledSpace;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Prepares the continuation of `run` to `maxEvals` trials.
 *
 * @throws Error with a sentence: the run is running, has no stored draft, its space no longer
 *   evaluates or fits its trials, or `maxEvals` is not larger than the trials it has.
 */
export async function prepareResume(
  store: RunStore,
  runtime: Pick<Runtime, 'evaluateSpace'>,
  run: Run,
  maxEvals: number,
  cores: number,
): Promise<PreparedResume> {
  if (run.status === 'RUNNING')
    throw new Error(`The run “${run.name}” is still running: only an ended run can be resumed.`);
  const stored = await readRunDraft(store, run, cores);
  const draft: Draft = { ...stored, settings: { ...stored.settings, maxEvals: String(maxEvals) } };
  const evaluated = await runtime.evaluateSpace({ source: draft.space, language: draft.settings.language });
  if (!evaluated.ok) throw new Error(`The run’s search space does not evaluate: ${evaluated.message}`);
  const space = parseSpaceDocument(evaluated.document);
  const trials = await loadTrials(store, run.id, { space }).catch((error: unknown) => {
    throw new Error(`The run’s trials cannot be resumed: ${message(error)}`);
  });
  if (maxEvals <= trials.length)
    throw new Error(`New max evals must be larger than the ${trials.length} trials the run has.`);
  const request: RunRequest = {
    ...toRunRequest(draft.settings, evaluated.document, draft.objective),
    resume: toResumeState(trials.allTrials),
  };
  return { draft, request, space };
}
