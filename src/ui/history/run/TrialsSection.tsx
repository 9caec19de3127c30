import { useCallback, useEffect, useMemo } from 'react';
import type { Run } from '../../../tracking';
import { Charts, preloadCharts } from '../../charts/Charts';
import { useNavigation } from '../../nav/navigation';
import { TrialsTable } from '../../results/TrialsTable';
import { RunSection } from './KeyValueTable';
import { RunLink, runRoute } from './RunLink';
import { storedTrials } from './storedTrials';

/** Children without a trial listed by name, at most this many (the rest are counted). */
const MAX_OTHER = 200;

/**
 * A parent run's trials with the live view's charts (loss with best so far, each parameter
 * against loss and trial, the worker timeline) and trials table; a trial's number opens its run.
 */
export function TrialsSection({
  run,
  children,
  toCome,
  now,
}: {
  run: Run;
  children: readonly Run[] | undefined;
  /** Children still being read (the first ones show meanwhile). */
  toCome: number;
  now: number;
}) {
  useEffect(() => preloadCharts(), []);
  if (children === undefined) {
    return (
      <RunSection title="Trials">
        <p className="muted">Reading {run.children.total.toLocaleString()} child runs…</p>
      </RunSection>
    );
  }
  return <Trials run={run} children={children} toCome={toCome} now={now} />;
}

function Trials({
  run,
  children,
  toCome,
  now,
}: {
  run: Run;
  children: readonly Run[];
  toCome: number;
  now: number;
}) {
  const { navigate } = useNavigation();
  const trials = useMemo(() => storedTrials(run, children, now), [run, children, now]);
  const { childIdByTid } = trials;
  const open = useCallback(
    (tid: number) => {
      const id = childIdByTid.get(tid);
      if (id !== undefined) navigate(runRoute(id));
    },
    [childIdByTid, navigate],
  );
  const others = trials.otherChildren;
  return (
    <RunSection title="Trials">
      {trials.view.rows.length > 0 ? (
        <div className="results">
          {toCome > 0 && (
            <p className="muted" role="status" aria-label="Reading trials">
              The first {children.length.toLocaleString()} child runs; reading the other{' '}
              {toCome.toLocaleString()}…
            </p>
          )}
          <p className="muted">
            {trials.view.finished.toLocaleString()} ended
            {trials.view.running > 0 && `, ${trials.view.running} running`}. Choose a trial&apos;s number to
            open its run.
          </p>
          <Charts run={trials.view} labels={trials.labels} elapsedMs={trials.elapsedMs} />
          <TrialsTable rows={trials.view.rows} selected={undefined} onSelect={open} />
        </div>
      ) : (
        others.length === 0 && <p className="empty-state">No trials recorded yet.</p>
      )}
      {others.length > 0 && (
        <>
          <h4>Other child runs</h4>
          <ul className="child-runs" aria-label="Other child runs">
            {others.slice(0, MAX_OTHER).map((child) => (
              <li key={child.id}>
                <RunLink id={child.id}>{child.name}</RunLink> <span className="muted">{child.status}</span>
              </li>
            ))}
          </ul>
          {others.length > MAX_OTHER && (
            <p className="muted">…and {(others.length - MAX_OTHER).toLocaleString()} more.</p>
          )}
        </>
      )}
    </RunSection>
  );
}
