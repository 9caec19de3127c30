import { useEffect, useState } from 'react';
import { PED_ANOVA_DEFAULTS } from '../../../core/analysis';
import type { TrialPoint } from './comparedRuns';
import { computeImportance, type ImportanceResult } from './importance';
import type { ParamAxis } from './paramAxes';

const percent = (share: number) => `${(share * 100).toFixed(share >= 0.1 ? 0 : 1)}%`;

/**
 * Parameter importance by PED-ANOVA (src/core/analysis/pedAnova.ts says why this method): over the
 * trials of every compared run together, and for each run alone.
 */
export function ImportancePanel({
  axes,
  points,
  labels,
}: {
  axes: readonly ParamAxis[];
  points: readonly (TrialPoint & { loss: number })[];
  labels: readonly string[];
}) {
  // Computed in slices after the view has rendered (importance.ts), kept with the inputs it is for.
  // While a live run's trials come in, the last result for the same runs stays until the next.
  const [done, setDone] = useState<{ labels: readonly string[]; result: ImportanceResult }>();
  useEffect(() => {
    let cancelled = false;
    void computeImportance(axes, points, labels.length, () => cancelled).then((result) => {
      if (result !== undefined) setDone({ labels, result });
    });
    return () => {
      cancelled = true;
    };
  }, [axes, points, labels]);
  const same = done !== undefined && done.labels.join('\n') === labels.join('\n');
  const result = same ? done.result : undefined;
  const top = Math.round(PED_ANOVA_DEFAULTS.baselineQuantile * 100);
  const note = (
    <p className="compare-note">
      PED-ANOVA (Watanabe et al., 2023, as in Optuna): how differently each parameter is distributed among the
      best {top}% of trials than among all of them. Chosen over fANOVA because it fits no random forest (it
      runs here in the page, a fraction of a second for 10,000 trials) and reads only the ranking of losses,
      so their scale does not matter.
    </p>
  );
  if (result === undefined) {
    return (
      <>
        {note}
        <p className="muted" role="status" aria-label="Parameter importance">
          Computing importance over {points.length.toLocaleString()} trials…
        </p>
      </>
    );
  }
  if (result.pooled.every((r) => r.importance === 0)) {
    return (
      <>
        {note}
        <p className="empty-state">
          Not enough finished trials to tell parameters apart (it needs more than{' '}
          {PED_ANOVA_DEFAULTS.minTopTrials} with different losses).
        </p>
      </>
    );
  }
  return (
    <>
      {note}
      <div className="compare-table-wrap">
        <table className="summary-table" aria-label="Parameter importance">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Parameter</th>
              <th scope="col">All compared runs</th>
              {labels.map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.pooled.map((row, rank) => (
              <tr key={row.param}>
                <td>{rank + 1}</td>
                <th scope="row">{row.param}</th>
                <td>
                  <span
                    className="importance-bar"
                    style={{ width: `${row.share * 6}rem` }}
                    aria-hidden="true"
                  />
                  {percent(row.share)}
                </td>
                {result.perRun.map((rows, i) => {
                  const r = rows.get(row.param);
                  return <td key={i}>{r === undefined || r.trials === 0 ? '—' : percent(r.share)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
