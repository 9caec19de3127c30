// Small labelled controls shared by the lab and the race forms.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { BENCH_OBJECTIVES } from '../../../core/objectives/index';
import { LAB_LIMITS } from '../../../runtime/lab/labRequest';

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint === undefined ? null : (
    <div id={id} className="hint">
      {hint}
    </div>
  );
}

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
      <Hint id={hintId} hint={hint} />
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
      <Hint id={hintId} hint={hint} />
    </div>
  );
}

/** A checkbox inside its label, laid out inline among others (the label's text is its name). */
export function CheckField({
  label,
  checked,
  onChange,
  disabled,
  title,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled: boolean;
  title?: string;
}) {
  return (
    <label className="lab-inline" title={title}>
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />{' '}
      {label}
    </label>
  );
}

const OBJECTIVE_OPTIONS = BENCH_OBJECTIVES.map((o) => ({ value: o.name, label: o.name }));

/** The chosen objective's description and known minimum, for a hint. */
function objectiveHint(name: string): string {
  const objective = BENCH_OBJECTIVES.find((o) => o.name === name);
  return objective === undefined ? '' : `${objective.description}; known minimum ${objective.knownMin}.`;
}

export interface BudgetDraft {
  objective: string;
  maxEvals: string;
  seeds: string;
}

/** Objective, max evals and seeds: what the lab and the race share. */
export function BudgetFields({
  draft,
  disabled,
  onChange,
  seedsHint,
}: {
  draft: BudgetDraft;
  disabled: boolean;
  onChange: (change: Partial<BudgetDraft>) => void;
  seedsHint: string;
}) {
  return (
    <>
      <SelectField
        label="Objective"
        value={draft.objective}
        options={OBJECTIVE_OPTIONS}
        disabled={disabled}
        onChange={(objective) => onChange({ objective })}
        hint={objectiveHint(draft.objective)}
      />
      <NumberField
        label="Max evals"
        value={draft.maxEvals}
        min={LAB_LIMITS.maxEvals.min}
        max={LAB_LIMITS.maxEvals.max}
        step="1"
        disabled={disabled}
        onChange={(maxEvals) => onChange({ maxEvals })}
        hint="Trials per run, as fmin's max_evals."
      />
      <NumberField
        label="Seeds"
        value={draft.seeds}
        min={LAB_LIMITS.seeds.min}
        max={LAB_LIMITS.seeds.max}
        step="1"
        disabled={disabled}
        onChange={(seeds) => onChange({ seeds })}
        hint={seedsHint}
      />
    </>
  );
}
