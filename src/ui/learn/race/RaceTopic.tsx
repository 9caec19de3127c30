/**
 * Learn topic "Algorithm race": random, anneal, TPE (faithful and improved) and mix on the same
 * objective and seeds, one trial at a time, simulated in the lab worker; ranked per seed, with the
 * distribution of their final losses.
 */
import { lazy, Suspense, useState } from 'react';
import type { RaceResult } from '../../../runtime/lab/labProtocol';
import { JobControls } from '../lab/JobControls';
import { BudgetFields, CheckField } from '../lab/fields';
import { useIdlePreload } from '../lab/useIdlePreload';
import { useLabJob } from '../lab/useLabJob';
import type { TopicProps } from '../topics';
import { RaceTable } from './RaceTable';
import { RACE_ALGORITHMS, raceDraftFromParams, raceDraftToParams, toRaceRequest } from './raceForm';
import type { RaceDraft } from './raceForm';
import { raceSentence } from './raceWords';
import '../lab/lab.css';

const loadCharts = () => import('./RaceCharts');
const RaceCharts = lazy(loadCharts);

export default function RaceTopic({ params, setParams }: TopicProps) {
  // The URL's configuration fills the form; Run writes it back.
  const [draft, setDraft] = useState<RaceDraft>(() => raceDraftFromParams(params));
  const { status, result, formError, start, cancel } = useLabJob<RaceResult>('race');
  const running = status.phase === 'running';
  useIdlePreload(loadCharts);
  const set = (change: Partial<RaceDraft>) => setDraft({ ...draft, ...change });
  const toggle = (value: string, on: boolean) =>
    set({ algorithms: on ? [...draft.algorithms, value] : draft.algorithms.filter((a) => a !== value) });

  return (
    <div className="lab-topic">
      <p className="lab-intro">
        One seed can flatter any algorithm. Here each algorithm runs on the same objective with the same
        seeds, one trial at a time as a serial fmin does, and is ranked against the others on every seed.
      </p>
      <div className="lab-form">
        <BudgetFields
          draft={draft}
          disabled={running}
          onChange={set}
          seedsHint="Every algorithm runs on seeds 0, 1, …"
        />
        <fieldset className="lab-fieldset">
          <legend>Algorithms</legend>
          <div className="lab-checks">
            {RACE_ALGORITHMS.map((a) => (
              <CheckField
                key={a.value}
                label={a.label}
                title={a.hint}
                checked={draft.algorithms.includes(a.value)}
                disabled={running}
                onChange={(on) => toggle(a.value, on)}
              />
            ))}
          </div>
        </fieldset>
      </div>
      <JobControls
        status={status}
        runLabel="Run race"
        onRun={() => {
          setParams(raceDraftToParams(draft));
          start(() => toRaceRequest(draft));
        }}
        onCancel={cancel}
        formError={formError}
      />
      {result !== undefined && (
        <section className={running ? 'lab-results lab-stale' : 'lab-results'} aria-label="Race results">
          <p className="lab-sentence">{raceSentence(result.entries, result.seeds.length)}</p>
          <RaceTable result={result} />
          <Suspense fallback={<p className="muted">Loading the charts…</p>}>
            <RaceCharts result={result} />
          </Suspense>
        </section>
      )}
    </div>
  );
}
