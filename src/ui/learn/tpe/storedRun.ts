/**
 * A run from the History (the run store) as an {@link ExplainRun}: the parent's `space` and
 * `playground.algo` tags, and each child's trial record with its `playground.suggest` tag. The
 * trials are read the way the run page reads them (storedTrials), so both show the same run. Pure.
 */
import { playgroundTags, type Run } from '../../../tracking';
import { storedTrials } from '../../history/run/storedTrials';
import { ExplainRunError, explainRunFromView, type ExplainRun } from './explainRun';

const OLDER =
  'This run was recorded before runs kept what TPE needs to be replayed; run it again to explain it.';

/** The stored algorithm spec of a parent, or undefined when it has none (older run, not a parent). */
export function storedAlgoName(parent: Run): string | undefined {
  const text = parent.tags[playgroundTags.TAG_ALGO];
  if (text === undefined) return undefined;
  const spec = playgroundTags.decodeAlgoTag(text);
  return typeof spec === 'string' ? undefined : spec.name;
}

/** Whether a run's page should offer "How TPE chose this": a recorded TPE parent, or a child of one with its call. */
export function canExplainStored(run: Run, parent: Run | undefined): boolean {
  if (run.trial === null) return storedAlgoName(run) === 'tpe';
  return (
    parent !== undefined &&
    storedAlgoName(parent) === 'tpe' &&
    run.tags[playgroundTags.TAG_SUGGEST] !== undefined
  );
}

function parseSpace(tag: string | undefined): unknown {
  if (tag === undefined) throw new ExplainRunError('This run did not record its search space.');
  try {
    return JSON.parse(tag);
  } catch {
    throw new ExplainRunError(
      tag.endsWith(' ...')
        ? 'This run\'s search space was too large to store whole (its "space" tag is cut short), so it cannot be replayed.'
        : 'This run\'s "space" tag is not a space document.',
    );
  }
}

/**
 * The stored run `parent` with its `children`, checked; `tid`, when given, must be one of its trials.
 *
 * @throws ExplainRunError saying why it cannot be explained (not a parent, not TPE, recorded before
 *   the calls were kept, space cut short, trial not found, a malformed tag).
 */
export function explainStoredRun(parent: Run, children: readonly Run[], tid?: number): ExplainRun {
  if (parent.trial !== null) throw new ExplainRunError('This run is a trial, not the run of an fmin call.');
  const algoText = parent.tags[playgroundTags.TAG_ALGO];
  if (algoText === undefined) {
    const algo = parent.params['algo'];
    if (algo !== undefined && algo !== 'hyperopt.tpe' && algo !== 'tpe')
      throw new ExplainRunError(`This run used ${algo}, not TPE: there is no TPE decision to explain.`);
    throw new ExplainRunError(OLDER);
  }
  const spec = playgroundTags.decodeAlgoTag(algoText);
  if (typeof spec === 'string') throw new ExplainRunError(`This run cannot be read: ${spec}.`);
  const space = parseSpace(parent.tags['space']);
  const { view, childIdByTid } = storedTrials(parent, children, parent.endTime ?? parent.startTime);
  const byId = new Map(children.map((c) => [c.id, c]));
  let recorded = 0;
  const rows = view.rows.map((row) => {
    const text = byId.get(childIdByTid.get(row.tid)!)!.tags[playgroundTags.TAG_SUGGEST];
    if (text === undefined) return row;
    const call = playgroundTags.decodeSuggestTag(text);
    if (typeof call === 'string') throw new ExplainRunError(`Trial ${row.tid} cannot be read: ${call}.`);
    recorded++;
    return { ...row, suggest: call };
  });
  if (tid !== undefined && !rows.some((row) => row.tid === tid))
    throw new ExplainRunError(`Trial ${tid} is not in this run.`);
  if (spec.name === 'tpe' && rows.length > 0 && recorded === 0) throw new ExplainRunError(OLDER);
  return explainRunFromView({ ...view, rows, spaceDocument: space, algoSpec: spec });
}
