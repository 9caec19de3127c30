import type { MixtureExplanation, NumericLabelExplanation, Param, TpeExplanation } from '../../../core';
import { formatNumber } from './chartScale';

/** A parameter's value as the user wrote it: a choice's option by name, a number formatted. */
export function valueText(param: Param, value: number | undefined, names?: string[]): string {
  if (value === undefined) return 'inactive';
  const expr = param.expr;
  if ((expr.$hp === 'choice' || expr.$hp === 'pchoice') && names !== undefined)
    return `${names[value] ?? value} (option ${value})`;
  return formatNumber(value);
}

/** The normals of l(x) and g(x): weight, mean and bandwidth of each, the prior's row marked. */
export function ComponentsTable({ e }: { e: NumericLabelExplanation }) {
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

/** Every candidate drawn from l(x), with log l, log g and its score; the winner's row marked. */
export function CandidatesTable({
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

/** The colour key of the charts (hidden from screen readers: the charts' descriptions say it). */
export function Legend({ prior = false }: { prior?: boolean }) {
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
