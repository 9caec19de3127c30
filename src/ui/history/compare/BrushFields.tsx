import { useEffect, useState } from 'react';
import { formatValue } from './scale';
import type { Brush, Brushes, PlotAxis } from './trialMatrix';

/** What the indices of a choice stand for, the first few of them. */
const optionKey = (options: readonly string[]) =>
  options
    .slice(0, 6)
    .map((o, i) => `${i} = ${o}`)
    .join(', ') + (options.length > 6 ? ', …' : '');

/** The text of a bound: empty for an open end. */
const boundText = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : formatValue(v));

/** A number field that keeps what the user types and follows the bound when it changes elsewhere. */
function BoundField({
  label,
  value,
  onValue,
}: {
  label: string;
  value: number | undefined;
  onValue: (v: number | undefined) => void;
}) {
  const [text, setText] = useState(boundText(value));
  useEffect(() => {
    setText((t) => {
      const typed = t.trim() === '' ? undefined : Number(t);
      const same =
        typed === value ||
        (typed !== undefined &&
          value !== undefined &&
          Math.abs(typed - value) < 1e-9 * Math.max(1, Math.abs(value)));
      return same ? t : boundText(value);
    });
  }, [value]);
  return (
    <input
      type="number"
      step="any"
      aria-label={label}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const t = e.target.value.trim();
        if (t === '') onValue(undefined);
        else if (Number.isFinite(Number(t))) onValue(Number(t));
      }}
    />
  );
}

/**
 * The keyboard way to brush: a minimum and a maximum per axis (a choice by its option index). An
 * empty field leaves that end open; both empty removes the axis's brush.
 */
export function BrushFields({
  axes,
  brushes,
  onBrush,
}: {
  axes: readonly PlotAxis[];
  brushes: Brushes;
  onBrush: (key: string, brush: Brush | null) => void;
}) {
  const set = (axis: PlotAxis, end: 'min' | 'max', v: number | undefined) => {
    const current = brushes[axis.key] ?? { min: -Infinity, max: Infinity };
    const next = { ...current, [end]: v ?? (end === 'min' ? -Infinity : Infinity) };
    onBrush(axis.key, Number.isFinite(next.min) || Number.isFinite(next.max) ? next : null);
  };
  return (
    <table className="brush-fields">
      <caption className="visually-hidden">Brush ranges per axis</caption>
      <thead>
        <tr>
          <th scope="col">Axis</th>
          <th scope="col">Minimum</th>
          <th scope="col">Maximum</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {axes.map((axis) => {
          const brush = brushes[axis.key];
          return (
            <tr key={axis.key}>
              <th scope="row">
                {axis.key}
                {axis.kind === 'categorical' && <span className="muted"> ({optionKey(axis.options)})</span>}
              </th>
              <td>
                <BoundField
                  label={`${axis.key} minimum`}
                  value={brush?.min}
                  onValue={(v) => set(axis, 'min', v)}
                />
              </td>
              <td>
                <BoundField
                  label={`${axis.key} maximum`}
                  value={brush?.max}
                  onValue={(v) => set(axis, 'max', v)}
                />
              </td>
              <td>
                <button
                  type="button"
                  disabled={brush === undefined}
                  aria-label={`Clear the ${axis.key} brush`}
                  onClick={() => onBrush(axis.key, null)}
                >
                  Clear
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
