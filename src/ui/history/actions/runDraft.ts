/**
 * The playground draft a run was started from, read back from its parent run (the artifact
 * TrackedRuntime writes with it) through the ONE draft decode function, so a stored draft is
 * whitelisted and clamped like a share link.
 *
 * Runs recorded before drafts were stored, or not started from the playground, have none. Their params and
 * `space` tag are not enough to rebuild one: the objective's code was never recorded, and the tag
 * holds the space as data, cut at 64 KB, not the code the editor shows. So "Open in playground"
 * and "Resume…" are disabled for them, with the reason, rather than opening half a playground.
 */
import type { Run, RunStore } from '../../../tracking';
import { decodeDraft, DraftError, type Draft } from '../../draft/draft';
import { DRAFT_ARTIFACT } from '../../tracking/trackedRuntime';

/** Why the run's draft cannot be opened, or undefined when it can. */
export function draftUnavailable(run: Run): string | undefined {
  if (run.parentRunId !== null) return 'Open its parent run: the draft is kept with the fmin run.';
  if (!run.artifacts.some((a) => a.name === DRAFT_ARTIFACT))
    return 'This run has no stored playground code (it was recorded before runs kept it, or not started from the playground), so it cannot be opened or resumed.';
  return undefined;
}

/**
 * The run's stored draft, decoded.
 *
 * @throws DraftError saying why (none stored, or it does not decode).
 */
export async function readRunDraft(store: RunStore, run: Run, cores: number): Promise<Draft> {
  const reason = draftUnavailable(run);
  if (reason !== undefined) throw new DraftError(reason);
  const content = await store.getArtifact(run.id, DRAFT_ARTIFACT);
  if (content?.kind !== 'json') throw new DraftError('The run’s stored playground code is missing.');
  try {
    return decodeDraft(content.value, cores);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new DraftError(`The run’s stored playground code cannot be opened: ${why}`);
  }
}
