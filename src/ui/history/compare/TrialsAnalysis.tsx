import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { BrushFields } from './BrushFields';
import { runColor, type TrialPoint } from './comparedRuns';
import { PairScatter } from './PairScatter';
import { ParallelCoordinates } from './ParallelCoordinates';
import type { ParamAxis } from './paramAxes';
import { formatValue } from './scale';
import {
  LOSS_BINS,
  lossBins,
  plotAxes,
  positionMatrix,
  selectedMask,
  type Brush,
  type Brushes,
  type LossBins,
} from './trialMatrix';
import { useAfterFirstPaint } from './nextTask';

const BIN_COLORS = Array.from({ length: LOSS_BINS }, (_, b) => `var(--loss-${b + 1})`);

/**
 * The trials of the compared runs: parallel coordinates with brushing, and a scatter of a chosen
 * pair of parameters, both showing what the brushes select.
 */
export function TrialsAnalysis({
  axes,
  points,
  bins: given,
  labels,
}: {
  axes: readonly ParamAxis[];
  points: readonly (TrialPoint & { loss: number })[];
  /** lossBins(points, LOSS_BINS), when already computed. */
  bins?: LossBins;
  labels: readonly string[];
}) {
  const [colorBy, setColorBy] = useState<'run' | 'loss'>('run');
  const [logLoss, setLogLoss] = useState(false);
  const [brushes, setBrushes] = useState<Brushes>({});
  const positive = points.every((p) => p.loss > 0);
  const plot = useMemo(() => plotAxes(axes, points, logLoss && positive), [axes, points, logLoss, positive]);
  const matrix = useMemo(() => positionMatrix(points, plot), [points, plot]);
  const bins = useMemo(() => given ?? lossBins(points, LOSS_BINS), [given, points]);
  // The scatter mounts a task after the parallel coordinates: one render of both was a long task.
  const scatterShown = useAfterFirstPaint('scatter');
  // Lines redraw from the deferred brushes: a drag stays smooth while React catches up.
  const deferred = useDeferredValue(brushes);
  const { mask, count } = useMemo(() => selectedMask(points, deferred), [points, deferred]);
  const groupOf = useCallback(
    (i: number) => (colorBy === 'run' ? points[i]!.runIndex : bins.bin[i]!),
    [colorBy, points, bins],
  );
  const runColors = useMemo(() => labels.map((_, i) => runColor(i)), [labels]);
  const groupColors = colorBy === 'run' ? runColors : BIN_COLORS;
  const onBrush = useCallback(
    (key: string, brush: Brush | null) =>
      setBrushes((b) => {
        const next = Object.fromEntries(Object.entries(b).filter(([k]) => k !== key));
        return brush === null ? next : { ...next, [key]: brush };
      }),
    [],
  );
  const brushed = Object.keys(brushes).length > 0;
  const legend =
    colorBy === 'run'
      ? labels.map((label, i) => ({ label, color: runColor(i) }))
      : bins.upper.map((upper, b) => ({
          label: `${b === 0 ? 'best' : b === LOSS_BINS - 1 ? 'worst' : ''} ≤ ${formatValue(upper)}`.trim(),
          color: BIN_COLORS[b]!,
        }));

  return (
    <>
      <h3>Parallel coordinates</h3>
      <div className="compare-controls">
        <label>
          Colour lines by{' '}
          <select value={colorBy} onChange={(e) => setColorBy(e.target.value as 'run' | 'loss')}>
            <option value="run">Run</option>
            <option value="loss">Loss</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={logLoss && positive}
            disabled={!positive}
            onChange={(e) => setLogLoss(e.target.checked)}
          />{' '}
          Log scale for loss
        </label>
        <span role="status" aria-label="Selected trials">
          {count} of {points.length} trials selected
        </span>
        <button type="button" disabled={!brushed} onClick={() => setBrushes({})}>
          Clear all brushes
        </button>
      </div>
      <ul className="compare-legend" aria-label={colorBy === 'run' ? 'Runs' : 'Loss bins'}>
        {legend.map((item, i) => (
          <li key={i}>
            <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
      <ParallelCoordinates
        axes={plot}
        matrix={matrix}
        mask={mask}
        groupOf={groupOf}
        groupColors={groupColors}
        interleave={colorBy === 'run'}
        brushes={brushes}
        onBrush={onBrush}
      />
      <details className="compare-brush-details">
        <summary>Brush ranges (type a minimum and maximum per axis)</summary>
        <BrushFields axes={plot} brushes={brushes} onBrush={onBrush} />
      </details>
      <h3>Pair of parameters</h3>
      {scatterShown ? (
        <PairScatter axes={plot} points={points} bin={bins.bin} mask={mask} binColors={BIN_COLORS} />
      ) : (
        <p className="muted" role="status">
          Drawing the scatter…
        </p>
      )}
    </>
  );
}
