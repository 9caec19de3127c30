import { useMemo } from 'react';
import type { TrialRow } from '../../runtime/run/progress';
import { formatDuration } from '../results/format';
import { timeline } from './chartData';

const WIDTH = 800;
const LANE = 18;
const LEFT = 70;
const CLASS: Record<string, string> = {
  ok: 'span-ok',
  failed: 'span-failed',
  cancelled: 'span-cancelled',
  running: 'span-running',
  queued: 'span-running',
};

/**
 * The pool as a Gantt chart: one lane per worker slot, one bar per trial (running trials grow up to
 * now). Drawn as one SVG path per lane and status rather than with recharts: recharts has no
 * Gantt, and 10,000 bars as separate elements would not stay smooth.
 */
export function WorkerTimeline({
  rows,
  lanes,
  elapsedMs,
}: {
  rows: readonly TrialRow[];
  lanes: number;
  elapsedMs: number;
}) {
  const span = Math.max(1, elapsedMs);
  const scale = (WIDTH - LEFT) / span;
  const laid = useMemo(() => timeline(rows, lanes, span, 1 / scale), [rows, lanes, span, scale]);
  const busy = laid.filter((l) => l.busy).length;
  const height = laid.length * LANE + 20;
  return (
    <figure className="chart timeline" aria-label="Worker timeline" data-busy={busy} data-lanes={laid.length}>
      <figcaption className="chart-title">
        Worker timeline: {busy} of {laid.length} {laid.length === 1 ? 'worker' : 'workers'} busy now
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="none"
        role="img"
        aria-label={`Trials per worker over ${formatDuration(span)}: ${busy} busy now`}
      >
        {laid.map((lane, i) => {
          const y = i * LANE + 2;
          const paths = new Map<string, string>();
          for (const [start, end, status] of lane.spans) {
            const x = LEFT + start * scale;
            const w = Math.max(1, (end - start) * scale);
            const cls = CLASS[status] ?? 'span-ok';
            paths.set(
              cls,
              `${paths.get(cls) ?? ''}M${x.toFixed(1)} ${y}h${w.toFixed(1)}v${LANE - 4}h${(-w).toFixed(1)}z`,
            );
          }
          return (
            <g key={lane.slot} data-lane={lane.slot} data-busy={lane.busy}>
              <text x={4} y={y + LANE - 6} className="lane-label">
                Worker {lane.slot + 1}
              </text>
              {[...paths].map(([cls, d]) => (
                <path key={cls} d={d} className={cls} />
              ))}
            </g>
          );
        })}
        <text x={LEFT} y={height - 4} className="lane-label">
          0
        </text>
        <text x={WIDTH - 4} y={height - 4} className="lane-label" textAnchor="end">
          {formatDuration(span)}
        </text>
      </svg>
    </figure>
  );
}
