// Small labelled controls shared by the lab and the race forms.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { BENCH_OBJECTIVES } from '../../../core/objectives/index';
import { LAB_LIMITS } from '../../../runtime/lab/labRequest';

/** The ids a field's control needs: its own (for the label) and its hint's, when there is one. */
interface ControlIds {
  id: string;
  'aria-describedby': string | undefined;
}

/** A label above one control, and an optional hint below that describes it. */
function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint: ReactNode;
  children: (ids: ControlIds) => ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': hint === undefined ? undefined : hintId })}
      {hint !== undefined && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
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
  return (
    <Field label={label} hint={hint}>
      {(ids) => (
        <input
          {...ids}
          type="number"
          inputMode="decimal"
          value={value}
          min={min}
          max={max}
          step={step ?? 'any'}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
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
  return (
    <Field label={label} hint={hint}>
      {(ids) => (
        <select {...ids} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
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
