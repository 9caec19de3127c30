import { useCallback } from 'react';
import type { RunDelta } from '../../../tracking';
import { ExplainStoredLink } from '../../learn/tpe/ExplainStoredLink';
import { useNavigation } from '../../nav/navigation';
import type { Route } from '../../nav/route';
import { TrackingProblem } from '../../tracking/TrackingProblem';
import { useTracking } from '../../tracking/trackingContext';
import { RunActions } from '../actions/RunActions';
import { ArtifactsSection } from './ArtifactsSection';
import { MetricsSection, ParamsSection } from './RunData';
import { RunExport } from './RunExport';
import { RunHeader } from './RunHeader';
import { RouteLink } from './RunLink';
import { TagsSection } from './TagsSection';
import { TrialsSection } from './TrialsSection';
import { useRunData } from './useRunData';
import './runPage.css';

const HISTORY: Route = { view: 'history', params: {} };

function HistoryLink({ children }: { children: string }) {
  return <RouteLink route={HISTORY}>{children}</RouteLink>;
}

/**
 * One run (`?view=run&id=…`): header, actions, params, metrics with their histories, tags,
 * artifacts, and for a parent its trials with the live view's charts. Live while the run goes.
 */
export default function RunPage() {
  const { route } = useNavigation();
  const { store, problem, changed } = useTracking();
  const id = route.params.id;
  const { data, reload } = useRunData(id);
  const write = useCallback(
    async (delta: Omit<RunDelta, 'id'>) => {
      if (store === undefined || id === undefined) return;
      await store.write([{ ...delta, id }]);
      changed();
      reload();
    },
    [store, id, changed, reload],
  );

  let body;
  if (data.state === 'missing') {
    body = (
      <div className="run-missing" role="alert" aria-label="Run not found">
        <p>
          {id === undefined
            ? 'No run was named in the address.'
            : `No run with the id "${id}" is stored in this browser: it may have been deleted, or recorded in another browser.`}
        </p>
        <p>
          <HistoryLink>Back to History</HistoryLink>
        </p>
      </div>
    );
  } else if (data.state === 'error') {
    body = (
      <p className="error" role="alert">
        The run could not be read: {data.message}
      </p>
    );
  } else if (data.state === 'loading') {
    body = problem?.kind === 'unavailable' ? null : <p className="view-loading">Loading the run…</p>;
  } else {
    const { run, parent, children, childrenToCome, readAt } = data;
    // Only a running run's page depends on the clock (durations, running trials): keep it still.
    const now = run.status === 'RUNNING' ? readAt : (run.endTime ?? readAt);
    body = (
      <>
        <RunHeader key={run.id} run={run} parent={parent} now={now} onRename={(name) => write({ name })} />
        <div className="run-actions" role="toolbar" aria-label="Run actions">
          {store !== undefined && <RunExport run={run} store={store} />}
          <RunActions run={run} />
          <ExplainStoredLink run={run} parent={parent} />
        </div>
        <div className="run-sections">
          <ParamsSection run={run} />
          <MetricsSection run={run} store={store} />
          <TagsSection
            run={run}
            onSetTag={(key, value) => write({ tags: { [key]: value } })}
            onDeleteTag={(key) => write({ deleteTags: [key] })}
          />
          <ArtifactsSection run={run} store={store} />
        </div>
        {run.children.total > 0 && (
          <TrialsSection run={run} children={children} toCome={childrenToCome} now={now} />
        )}
      </>
    );
  }
  return (
    <main className="run-page" aria-label="Run">
      {data.state !== 'missing' && (
        <p className="run-crumbs">
          <HistoryLink>All runs</HistoryLink>
        </p>
      )}
      <TrackingProblem />
      {body}
    </main>
  );
}
