import { useMemo } from 'react';
import type { Param } from '../../../core';
import { CategoryChart } from './CategoryChart';
import { categoryBars } from './categoryBars';
import { formatNumber } from './chartScale';
import { DensityChart, ScoreChart } from './DensityChart';
import { densityGrid } from './densityGrid';
import type { TrialExplanation } from './explainTrial';
import { CandidatesTable, ComponentsTable, Legend, valueText } from './ExplanationTables';

function Row({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{children}</td>
    </tr>
  );
}

/** One trial's decision for one parameter: the replay check, the key numbers, the charts, the tables. */
export function TrialExplanationView({ explained, param }: { explained: TrialExplanation; param: Param }) {
  const { explanation: e, tid, label, call } = explained;
  const model = e.model;
  const improved = e.improved ?? null;
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
            {improved !== null && (
              <>
                <Row name={`${label} active in`}>
                  {improved.belowObservations.length} good, {improved.aboveObservations.length} other trials
                </Row>
                <Row name="Modelled jointly with">{improved.group.join(', ')}</Row>
                <Row name="Candidates drawn from l(x)">{improved.candidates.length}</Row>
                <Row name="Winner">{valueText(param, improved.winner, names)}</Row>
                <Row name="Winner's score">
                  Σ log l − log g = {formatNumber(improved.scores[improved.winnerIndex]!)}
                </Row>
              </>
            )}
            <Row name="Seed of the call">{e.seed}</Row>
          </tbody>
        </table>
      )}
      {improved !== null && (
        <p className="muted">
          {improved.note} This view draws l(x) and g(x) for Hyperopt&apos;s TPE; for the improved variant it
          lists the numbers.
        </p>
      )}
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
          <div className="tpe-scroll" tabIndex={0}>
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
