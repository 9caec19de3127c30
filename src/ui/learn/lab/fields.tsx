// Small labelled controls shared by the lab and the race forms.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { BENCH_OBJECTIVES } from '../../../core/objectives/index';

export function NumberField({
  label,
  value,
  onChange,
  disabled,
  min,
  max,
  step,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  min: number;
  max?: number;
  step?: string;
  hint?: ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={value}
        min={min}
        max={max}
        step={step ?? 'any'}
        disabled={disabled}
        aria-describedby={hint === undefined ? undefined : hintId}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint !== undefined && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
    </div>
  );
}

export function SelectField({
  label,
  value,
  options,
  onChange,
  disabled,
  hint,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled: boolean;
  hint?: ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hint === undefined ? undefined : hintId}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint !== undefined && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
    </div>
  );
}

export const OBJECTIVE_OPTIONS = BENCH_OBJECTIVES.map((o) => ({ value: o.name, label: o.name }));

/** The chosen objective's description and known minimum, for a hint. */
export function objectiveHint(name: string): string {
  const objective = BENCH_OBJECTIVES.find((o) => o.name === name);
  return objective === undefined ? '' : `${objective.description}; known minimum ${objective.knownMin}.`;
}
