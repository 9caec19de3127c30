import { useMemo } from 'react';
import type { MixtureExplanation, NumericLabelExplanation, Param, TpeExplanation } from '../../../core';
import { CategoryChart } from './CategoryChart';
import { categoryBars } from './categoryBars';
import { formatNumber } from './chartScale';
import { DensityChart, ScoreChart } from './DensityChart';
import { densityGrid } from './densityGrid';
import type { TrialExplanation } from './explainTrial';

function valueText(param: Param, value: number | undefined, names?: string[]): string {
  if (value === undefined) return 'inactive';
  const expr = param.expr;
  if ((expr.$hp === 'choice' || expr.$hp === 'pchoice') && names !== undefined)
    return `${names[value] ?? value} (option ${value})`;
  return formatNumber(value);
}

function Row({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{children}</td>
    </tr>
  );
}

function ComponentsTable({ e }: { e: NumericLabelExplanation }) {
  const rows = (which: 'l' | 'g', m: MixtureExplanation) =>
    m.mus.map((mu, k) => (
      <tr key={`${which}${k}`} className={k === m.priorIndex ? 'tpe-prior-row' : undefined}>
        <td>{which === 'l' ? 'l(x)' : 'g(x)'}</td>
        <td>{k === m.priorIndex ? 'prior' : `#${k + 1}`}</td>
        <td>{formatNumber(m.weights[k]!)}</td>
        <td>{formatNumber(mu)}</td>
        <td>{formatNumber(m.sigmas[k]!)}</td>
      </tr>
    ));
  return (
    <details className="tpe-details">
      <summary>
        Components of l(x) and g(x): {e.below.mus.length} and {e.above.mus.length} normals
      </summary>
      <table className="tpe-table">
        <caption>
          One normal per observation plus the prior; bandwidth = the normal&apos;s sigma
          {e.logSpace ? ' (means and bandwidths in log space)' : ''}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Density</th>
            <th scope="col">Component</th>
            <th scope="col">Weight</th>
            <th scope="col">Mean</th>
            <th scope="col">Bandwidth</th>
          </tr>
        </thead>
        <tbody>
          {rows('l', e.below)}
          {rows('g', e.above)}
        </tbody>
      </table>
    </details>
  );
}

function CandidatesTable({
  model,
  param,
  names,
}: {
  model: NonNullable<TpeExplanation['model']>;
  param: Param;
  names?: string[];
}) {
  return (
    <details className="tpe-details">
      <summary>The {model.candidates.length} candidates and their scores</summary>
      <table className="tpe-table">
        <caption>Drawn from l(x) in this order; score = log l(x) − log g(x), the highest wins.</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Value</th>
            <th scope="col">log l</th>
            <th scope="col">log g</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {model.candidates.map((c, i) => (
            <tr key={i} className={i === model.winnerIndex ? 'tpe-winner-row' : undefined}>
              <td>{i === model.winnerIndex ? `${i + 1} (winner)` : i + 1}</td>
              <td>{valueText(param, c, names)}</td>
              <td>{formatNumber(model.logL[i]!)}</td>
              <td>{formatNumber(model.logG[i]!)}</td>
              <td>{formatNumber(model.scores[i]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** One trial's decision for one parameter: the replay check, the key numbers, the charts, the tables. */
export function TrialExplanationView({ explained, param }: { explained: TrialExplanation; param: Param }) {
  const { explanation: e, tid, label, call } = explained;
  const model = e.model;
  const grid = useMemo(() => (model?.type === 'numeric' ? densityGrid(model) : null), [model]);
  const bars = useMemo(
    () => (model?.type === 'categorical' ? categoryBars(param, model) : null),
    [model, param],
  );
  const names = bars?.names;
  const got = explained.recorded[label];
  const exact = explained.differences.length === 0;
  return (
    <div className="tpe-explanation">
      <p className={exact ? 'tpe-replay tpe-replay-ok' : 'tpe-replay error'} role="status">
        {exact
          ? `Replayed with the call's seed and history: this is exactly the value trial ${tid} got (${label} = ${valueText(param, got, names)}).`
          : `Replaying trial ${tid}'s call gave different values for ${explained.differences.join(', ')}: the run's record does not match what this engine proposes (e.g. it was made by another version).`}
      </p>
      {e.phase === 'startup' && (
        <p>
          Trial {tid} is one of the first {e.options.nStartupJobs} trials (nStartupJobs): TPE draws them from
          the prior, like random search, so there is no good/bad split yet. Step forward to trial{' '}
          {e.options.nStartupJobs}.
        </p>
      )}
      {e.phase === 'tpe' && !e.labelActive && (
        <p className="tpe-inactive">
          {label} was not active in trial {tid}: the proposal took another branch of a choice, so TPE drew no
          value for it. Only trials where {label} was active count in its l(x) and g(x).
        </p>
      )}
      {e.split !== null && (
        <table className="tpe-table tpe-numbers">
          <caption>Key numbers of trial {tid}</caption>
          <tbody>
            <Row name="Trials TPE saw">
              {e.split.nTrials}
              {call.nPending > 0 && ` (${call.nPending} still running)`}
              {call.nLeftOut > 0 && `; ${call.nLeftOut} failed or cancelled left out`}
            </Row>
            <Row name="gamma">{e.split.gamma}</Row>
            <Row name="Below (good) trials">{e.split.nBelow}</Row>
            <Row name="Above (other) trials">{e.split.nTrials - e.split.nBelow}</Row>
            {model !== null && (
              <Row name={`${label} active in`}>
                {model.belowObservations.length} good, {model.aboveObservations.length} other trials
              </Row>
            )}
            {model !== null && <Row name="Candidates drawn from l(x)">{model.candidates.length}</Row>}
            {model !== null && <Row name="Winner">{valueText(param, model.winner, names)}</Row>}
            {model !== null && (
              <Row name="Winner's score">
                log l − log g = {formatNumber(model.scores[model.winnerIndex]!)} (l/g ={' '}
                {formatNumber(Math.exp(model.scores[model.winnerIndex]!))})
              </Row>
            )}
            {model?.type === 'numeric' && (
              <Row name="Prior bandwidth">
                {formatNumber(model.below.sigmas[model.below.priorIndex]!)} around{' '}
                {formatNumber(model.below.mus[model.below.priorIndex]!)}
                {model.logSpace ? ' (log space)' : ''}
              </Row>
            )}
            {model?.type === 'numeric' && (
              <Row name="Bandwidths of l(x)">
                {formatNumber(Math.min(...model.below.sigmas))} to{' '}
                {formatNumber(Math.max(...model.below.sigmas))}
              </Row>
            )}
            <Row name="Seed of the call">{e.seed}</Row>
          </tbody>
        </table>
      )}
      {e.improved !== undefined && e.improved !== null && <p className="muted">{e.improved.note}</p>}
      {model?.type === 'numeric' && grid !== null && (
        <>
          <Legend />
          <DensityChart grid={grid} e={model} label={label} tid={tid} />
          <ScoreChart grid={grid} e={model} label={label} tid={tid} />
          {model.logSpace && (
            <p className="muted">
              {label} is log-distributed: its l and g are mixtures of log {label} (drawn over a log axis). As
              in Hyperopt, their scores leave out the truncation masses, the same constant for every
              candidate.
            </p>
          )}
          <ComponentsTable e={model} />
        </>
      )}
      {bars !== null && model !== null && (
        <>
          <Legend prior />
          <CategoryChart bars={bars} label={label} tid={tid} />
          <div className="tpe-scroll">
            <table className="tpe-table">
              <caption>Weighted histograms of {label}</caption>
              <thead>
                <tr>
                  <th scope="col">Value</th>
                  <th scope="col">Prior</th>
                  <th scope="col">l (good)</th>
                  <th scope="col">g (other)</th>
                  <th scope="col">Candidates</th>
                </tr>
              </thead>
              <tbody>
                {bars.names.map((name, i) => (
                  <tr key={name} className={i === bars.winner ? 'tpe-winner-row' : undefined}>
                    <th scope="row">{i === bars.winner ? `${name} (winner)` : name}</th>
                    <td>{formatNumber(bars.prior[i]!)}</td>
                    <td>{formatNumber(bars.below[i]!)}</td>
                    <td>{formatNumber(bars.above[i]!)}</td>
                    <td>{bars.candidates[i]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {model !== null && <CandidatesTable model={model} param={param} names={names} />}
    </div>
  );
}

function Legend({ prior = false }: { prior?: boolean }) {
  return (
    <p className="tpe-legend" aria-hidden="true">
      <span className="tpe-key tpe-key-l" /> l(x): good trials <span className="tpe-key tpe-key-g" /> g(x):
      other trials{' '}
      {prior ? (
        <>
          <span className="tpe-key tpe-key-prior" /> prior
        </>
      ) : (
        <>
          <span className="tpe-key tpe-key-dashed" /> the prior&apos;s share{' '}
          <span className="tpe-key tpe-key-winner" /> winner
        </>
      )}
    </p>
  );
}
