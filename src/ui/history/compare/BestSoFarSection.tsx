import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { bestSoFar, type CurveAxis } from './bestSoFar';
import type { TrialPoint } from './comparedRuns';
import { runColor } from './comparedRuns';

const BestSoFarChart = lazy(() => import('./BestSoFarChart'));

/** Best-so-far loss of every compared run on one chart, by trial number or by wall time. */
export function BestSoFarSection({
  points,
  labels,
}: {
  points: readonly TrialPoint[];
  labels: readonly string[];
}) {
  const id = useId();
  const [axis, setAxis] = useState<CurveAxis>('trial');
  const [log, setLog] = useState(false);
  const curves = useMemo(
    () =>
      labels.map((name, i) => ({
        name,
        color: runColor(i),
        points: bestSoFar(
          points.filter((p) => p.runIndex === i),
          axis,
        ),
      })),
    [points, labels, axis],
  );
  const positive = curves.every((c) => c.points.every((p) => p.best > 0));
  const empty = curves.every((c) => c.points.length === 0);
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id} className="visually-hidden">
        Best loss so far of each run, {axis === 'trial' ? 'by trial number' : 'by wall time'}
      </figcaption>
      <div className="compare-controls">
        <fieldset>
          <legend>X axis</legend>
          <label>
            <input
              type="radio"
              name={`${id}-axis`}
              checked={axis === 'trial'}
              onChange={() => setAxis('trial')}
            />{' '}
            Trial number
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-axis`}
              checked={axis === 'time'}
              onChange={() => setAxis('time')}
            />{' '}
            Wall time
          </label>
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={log && positive}
            disabled={!positive}
            onChange={(e) => setLog(e.target.checked)}
          />{' '}
          Log scale{positive ? '' : ' (needs positive losses)'}
        </label>
      </div>
      {empty ? (
        <p className="empty-state">No trial of these runs finished with a loss yet.</p>
      ) : (
        <Suspense fallback={<p className="muted">Loading the chart…</p>}>
          <BestSoFarChart
            curves={curves}
            xLabel={axis === 'trial' ? 'trial number' : 'seconds since the run started'}
            log={log && positive}
          />
        </Suspense>
      )}
    </figure>
  );
}
