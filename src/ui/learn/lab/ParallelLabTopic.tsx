/**
 * Learn topic "Parallelism versus adaptivity": the same objective and budget at several
 * parallelism levels over several seeds, simulated in virtual time in the lab worker, with the
 * measured trade-off in charts, a table and one sentence.
 */
import { lazy, Suspense, useState } from 'react';
import type { ParallelLabResult } from '../../../runtime/lab/labProtocol';
import type { TopicProps } from '../topics';
import { JobControls } from './JobControls';
import { LabForm } from './LabForm';
import { LabResultsTable } from './LabResultsTable';
import { algoLabel, labDraftFromParams, labDraftToParams, toLabRequest } from './labForm';
import type { LabDraft } from './labForm';
import { tradeOffSentence } from './tradeOff';
import { useIdlePreload } from './useIdlePreload';
import { useLabJob } from './useLabJob';
import './lab.css';

const loadCharts = () => import('./LabCharts');
const LabCharts = lazy(loadCharts);

export default function ParallelLabTopic({ params, setParams }: TopicProps) {
  // The URL's configuration (a bookmark or a shared link) fills the form; Run writes it back.
  const [draft, setDraft] = useState<LabDraft>(() => labDraftFromParams(params));
  const { status, result, formError, start, cancel } = useLabJob<ParallelLabResult>('lab');
  const running = status.phase === 'running';
  useIdlePreload(loadCharts);

  return (
    <div className="lab-topic">
      <p className="lab-intro">
        Hyperopt's and Databricks' docs describe a trade-off: more trials in parallel finish sooner, fewer are
        more adaptive, because each suggestion can only learn from the trials already finished (and with
        parallelism = max evals, TPE is random search). Here every trial is simulated: the objective is
        evaluated at once and its result is held back for a simulated duration, so many seeded runs take
        seconds.
      </p>
      <LabForm draft={draft} disabled={running} onChange={setDraft} />
      <JobControls
        status={status}
        runLabel="Run lab"
        onRun={() => {
          setParams(labDraftToParams(draft));
          start(() => toLabRequest(draft));
        }}
        onCancel={cancel}
        formError={formError}
      />
      {result !== undefined && (
        <section className={running ? 'lab-results lab-stale' : 'lab-results'} aria-label="Lab results">
          <p className="lab-sentence">
            {tradeOffSentence(result.summary.arms, result.request.maxEvals, algoLabel(algoValue(result)))}
          </p>
          <LabResultsTable result={result} />
          <Suspense fallback={<p className="muted">Loading the charts…</p>}>
            <LabCharts result={result} />
          </Suspense>
        </section>
      )}
    </div>
  );
}

/** The form value of the result's algorithm (the improved preset is TPE with variant 'improved'). */
function algoValue(result: ParallelLabResult): string {
  const { name, options } = result.request.algo;
  return name === 'tpe' && options?.['variant'] === 'improved' ? 'tpe.improved' : name;
}
