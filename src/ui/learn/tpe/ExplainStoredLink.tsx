import type { Run } from '../../../tracking';
import { RouteLink } from '../../history/run/RunLink';
import { canExplainStored } from './storedRun';

/**
 * On a run's page: opens "How TPE chose this" for a stored TPE run (at its first explainable
 * trial) or for one of its trials. Absent for runs recorded without what the replay needs.
 */
export function ExplainStoredLink({ run, parent }: { run: Run; parent: Run | undefined }) {
  if (!canExplainStored(run, parent)) return null;
  const parentId = run.trial === null ? run.id : parent!.id;
  const params: Record<string, string> = { topic: 'tpe-explain', source: 'history', run: parentId };
  if (run.trial !== null) params['trial'] = String(run.trial.tid);
  return <RouteLink route={{ view: 'learn', params }}>How TPE chose this</RouteLink>;
}
