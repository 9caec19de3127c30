import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { CompiledSpace, Param } from '../../../core';
import type { RuntimeState } from '../../../runtime/runtime';
import { useRunData } from '../../history/run/useRunData';
import { useRuntimeSelector } from '../../runtime/runtimeContext';
import type { TopicProps } from '../topics';
import { DEMO_OBJECTIVE_TEXT, DEMO_SEED, runDemo } from './demoRun';
import { compileRunSpace, explainRunFromView, ExplainRunError, type ExplainRun } from './explainRun';
import { explainTrial } from './explainTrial';
import { explainStoredRun } from './storedRun';
import { currentTid, moveTo, parseTid, startAt, step } from './timeTravel';
import { TrialExplanationView } from './TrialExplanationView';
import './tpeExplain.css';

const selectRun = (s: RuntimeState) => s.run;

// The demo runs once per page: the same seed gives the same run, so it is kept.
let demo: Promise<ExplainRun> | undefined;

function describeParam(param: Param): string {
  const when = param.conditions.map((c) => `${c.label} = ${c.index}`).join(', ');
  return `${param.label} (${param.expr.$hp}${when === '' ? '' : `, when ${when}`})`;
}

type Source = { run: ExplainRun; space: CompiledSpace; what: string } | { problem: string };
type SourceKind = 'demo' | 'playground' | 'history';

const pace = (n: number) => (n === 1 ? 'one trial at a time' : `${n} trials at a time`);

/**
 * The run to explain: the built-in demo, the playground's last run (`source=playground`), or a run
 * of the History (`source=history&run=<parent run id>`).
 */
function useSource(kind: SourceKind, runId: string | undefined, tid: number | undefined): Source | undefined {
  const fromPlayground = kind === 'playground';
  // Deferred: during a run the view changes every batch, and replaying a long history takes a while.
  const view = useDeferredValue(useRuntimeSelector(selectRun));
  const { data: stored } = useRunData(kind === 'history' ? runId : undefined);
  const [demoRun, setDemoRun] = useState<ExplainRun | undefined>(undefined);
  useEffect(() => {
    if (kind !== 'demo') return;
    let live = true;
    void (demo ??= runDemo()).then((run) => live && setDemoRun(run));
    return () => {
      live = false;
    };
  }, [kind]);
  return useMemo(() => {
    try {
      if (kind === 'history') {
        if (runId === undefined) return { problem: 'No stored run was named in the address.' };
        if (stored.state === 'missing') return { problem: `No run with the id "${runId}" is stored here.` };
        if (stored.state === 'error') return { problem: `The run could not be read: ${stored.message}` };
        if (stored.state === 'loading' || stored.children === undefined || stored.childrenToCome > 0)
          return undefined;
        // A link names a trial of the run: one it does not have is said, not silently replaced.
        const run = explainStoredRun(stored.run, stored.children, tid);
        const n = Number(stored.run.params['actual_parallelism'] ?? 1);
        return {
          run,
          space: compileRunSpace(run),
          what: `The stored run "${stored.run.name}": ${run.trials.length} trials of TPE, ${pace(n)}.`,
        };
      }
      if (fromPlayground) {
        if (view === undefined) return { problem: 'The playground has not run anything yet in this tab.' };
        const run = explainRunFromView(view);
        const n = view.parallelism?.actual ?? 1;
        // Only the last run stays in memory: say so when a link names an earlier one.
        const other =
          runId !== undefined && runId !== String(view.runId) ? ' (a newer run than the one you opened)' : '';
        return {
          run,
          space: compileRunSpace(run),
          what: `The playground's last run${other}: ${view.rows.length} trials of TPE, ${pace(n)}.`,
        };
      }
      if (demoRun === undefined) return undefined;
      return {
        run: demoRun,
        space: compileRunSpace(demoRun),
        what: `A built-in run: ${demoRun.trials.length} trials of TPE with Hyperopt's defaults (seed ${DEMO_SEED}) minimising ${DEMO_OBJECTIVE_TEXT}.`,
      };
    } catch (error) {
      if (error instanceof ExplainRunError) return { problem: error.message };
      throw error;
    }
  }, [kind, fromPlayground, runId, tid, view, demoRun, stored]);
}

/** "How TPE chose this": for any trial and parameter, what TPE knew and how it picked the value. */
export default function TpeExplainTopic({ params, setParams }: TopicProps) {
  const kind: SourceKind =
    params['source'] === 'playground' || params['source'] === 'history' ? params['source'] : 'demo';
  const source = useSource(kind, params['run'], parseTid(params['trial']));
  const ready = source !== undefined && 'run' in source ? source : undefined;
  const tids = useMemo(
    () =>
      ready?.run.trials.filter((t) => t.suggest !== undefined && t.outcome !== 'pending').map((t) => t.tid) ??
      [],
    [ready],
  );
  const nStartup = Number(ready?.run.options['nStartupJobs'] ?? 20);
  const travel = startAt(tids, parseTid(params['trial']), nStartup);
  const tid = currentTid(travel);
  const param = ready?.space.byLabel.get(params['param'] ?? '') ?? ready?.space.params[0];
  const goTo = (next: number | undefined) => {
    if (next !== undefined && next !== tid) setParams({ trial: String(next) });
  };
  const move = (delta: number) => goTo(currentTid(step(travel, delta)));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [contenteditable="true"], .tpe-figure, .tpe-scroll'))
        return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      move(event.key === 'ArrowLeft' ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // The controls answer at once; the replay (longer for long histories) follows.
  const shownTid = useDeferredValue(tid);
  const explained = useMemo(() => {
    if (ready === undefined || shownTid === undefined || param === undefined) return undefined;
    try {
      return explainTrial(ready.run, ready.space, shownTid, param.label);
    } catch (error) {
      // explainTpe rejects options it cannot use (e.g. a run made with a knob this version lacks).
      return error instanceof Error ? error.message : String(error);
    }
  }, [ready, shownTid, param]);

  return (
    <div className="tpe-topic">
      <p>
        TPE splits the trials so far into a few good ones (the lowest losses: a fraction gamma of √N) and the
        rest, fits one density to each, l(x) to the good and g(x) to the others, draws candidates from l(x),
        and proposes the one where l(x)/g(x) is highest. Pick a trial and a parameter to see that decision
        replayed.
      </p>
      <div className="tpe-controls">
        <label>
          Run{' '}
          <select
            value={kind}
            onChange={(event) => {
              const next = event.target.value;
              setParams({
                source: next === 'demo' ? undefined : next,
                // The stored run's id stays while it is chosen; the others name no run.
                run: next === 'history' ? params['run'] : undefined,
                trial: undefined,
              });
            }}
          >
            <option value="demo">Built-in demo</option>
            <option value="playground">The playground&apos;s last run</option>
            {kind === 'history' && <option value="history">The stored run</option>}
          </select>
        </label>
        {ready !== undefined && (
          <label>
            Parameter{' '}
            <select value={param?.label} onChange={(event) => setParams({ param: event.target.value })}>
              {ready.space.params.map((p) => (
                <option key={p.label} value={p.label}>
                  {describeParam(p)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {source === undefined && (
        <p className="muted">{kind === 'history' ? 'Reading the stored run…' : 'Running the demo…'}</p>
      )}
      {source !== undefined && 'problem' in source && (
        <p className="error" role="alert">
          {source.problem} Choose the built-in demo, or run TPE in the playground and open a trial.
        </p>
      )}
      {ready !== undefined && <p className="muted">{ready.what}</p>}
      {ready !== undefined && tid !== undefined && (
        <div className="tpe-travel" role="group" aria-label="Time travel">
          <button type="button" onClick={() => move(-1)} disabled={travel.index === 0}>
            Previous trial
          </button>
          <label className="tpe-slider">
            Trial
            <input
              type="range"
              min={tids[0]}
              max={tids[tids.length - 1]}
              step={1}
              value={tid}
              aria-valuetext={`Trial ${tid}`}
              onChange={(event) => goTo(currentTid(moveTo(travel, Number(event.target.value))))}
            />
          </label>
          <button type="button" onClick={() => move(1)} disabled={travel.index === tids.length - 1}>
            Next trial
          </button>
          <output className="tpe-current" aria-live="polite">
            Trial {tid} (trials {tids[0]}–{tids[tids.length - 1]})
          </output>
        </div>
      )}
      {ready !== undefined && tids.length === 0 && (
        <p className="muted">No trial of this run has ended with a recorded suggest call yet.</p>
      )}
      {typeof explained === 'string' && <p className="error">{explained}</p>}
      {explained !== undefined && typeof explained !== 'string' && param !== undefined && (
        <TrialExplanationView explained={explained} param={param} />
      )}
    </div>
  );
}
