import type { ReactNode } from 'react';
import { TAG_END_REASON, type Run } from '../../../tracking';
import { formatLoss } from '../../results/format';
import { RenameRun } from './RenameRun';
import { RunLink } from './RunLink';
import { STATUS_CLASS, formatSpan, formatTime } from './runFormat';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What a parent's children came to, from the summary the store keeps (no child is read). */
function ChildrenFact({ run }: { run: Run }) {
  const c = run.children;
  const parts = [
    `${c.finished} finished`,
    c.failed > 0 && `${c.failed} failed`,
    c.killed > 0 && `${c.killed} killed`,
    c.running > 0 && `${c.running} running`,
  ].filter(Boolean);
  return (
    <Fact term="Child runs">
      {c.total.toLocaleString()} ({parts.join(' · ')})
      {c.bestLoss !== null && c.bestRunId !== null && (
        <>
          {' · best loss '}
          <RunLink id={c.bestRunId}>{formatLoss(c.bestLoss)}</RunLink>
        </>
      )}
    </Fact>
  );
}

/**
 * The run's name (renamed in place), status with why it ended, start, duration, and its place in
 * the nesting: the parent of a child, the children of a parent.
 */
export function RunHeader({
  run,
  parent,
  now,
  onRename,
}: {
  run: Run;
  parent: Run | undefined;
  now: number;
  onRename: (name: string) => Promise<void>;
}) {
  const reason = run.tags[TAG_END_REASON];
  const end = run.endTime ?? (run.status === 'RUNNING' ? now : undefined);
  return (
    <header className="run-header">
      <RenameRun name={run.name} onSave={onRename} />
      <dl className="run-facts">
        <Fact term="Status">
          <span className={STATUS_CLASS[run.status]}>{run.status}</span>
          {reason !== undefined && <span className="muted"> ({reason})</span>}
        </Fact>
        <Fact term="Started">{formatTime(run.startTime)}</Fact>
        <Fact term="Duration">
          {end === undefined ? '—' : formatSpan(Math.max(0, end - run.startTime))}
          {run.status === 'RUNNING' && <span className="muted"> so far</span>}
        </Fact>
        {run.parentRunId !== null && (
          <Fact term="Parent run">
            {parent === undefined ? (
              <span className="muted">{run.parentRunId} (no longer stored)</span>
            ) : (
              <RunLink id={parent.id}>{parent.name}</RunLink>
            )}
          </Fact>
        )}
        {run.trial !== null && <Fact term="Trial">{run.trial.tid}</Fact>}
        {run.children.total > 0 && <ChildrenFact run={run} />}
        <Fact term="Run ID">
          <code>{run.id}</code>
        </Fact>
      </dl>
    </header>
  );
}
