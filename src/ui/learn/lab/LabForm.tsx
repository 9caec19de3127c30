/** The lab's settings: objective, algorithm, budget, seeds, parallelism levels and trial durations. */
import { useId } from 'react';
import { BudgetFields, CheckField, NumberField, SelectField } from './fields';
import { LAB_ALGORITHMS, LEVELS } from './labForm';
import type { LabDraft } from './labForm';

const DURATION_MODELS = [
  { value: 'stragglers', label: 'Log-normal with stragglers' },
  { value: 'exponential', label: 'Exponential (parallel.md)' },
];

export function LabForm({
  draft,
  disabled,
  onChange,
}: {
  draft: LabDraft;
  disabled: boolean;
  onChange: (draft: LabDraft) => void;
}) {
  const set = (change: Partial<LabDraft>) => onChange({ ...draft, ...change });
  const levelsId = useId();
  const toggleLevel = (level: number, on: boolean) =>
    set({
      levels: on ? [...draft.levels, level].sort((a, b) => a - b) : draft.levels.filter((l) => l !== level),
    });
  const stragglers = draft.durationKind === 'stragglers';
  return (
    <div className="lab-form">
      <BudgetFields
        draft={draft}
        disabled={disabled}
        onChange={set}
        seedsHint="Runs per level (seeds 0, 1, …); each seed has its own trial durations, shared by every level."
      />
      <SelectField
        label="Algorithm"
        value={draft.algo}
        options={LAB_ALGORITHMS}
        disabled={disabled}
        onChange={(algo) => set({ algo })}
        hint={LAB_ALGORITHMS.find((a) => a.value === draft.algo)?.hint}
      />
      <fieldset className="lab-fieldset" aria-describedby={levelsId}>
        <legend>Parallelism levels</legend>
        <div className="lab-checks">
          {LEVELS.map((level) => (
            <CheckField
              key={level}
              label={`P=${level}`}
              checked={draft.levels.includes(level)}
              disabled={disabled}
              onChange={(on) => toggleLevel(level, on)}
            />
          ))}
          <CheckField
            label="P = max evals"
            checked={draft.allAtOnce}
            disabled={disabled}
            onChange={(allAtOnce) => set({ allAtOnce })}
          />
          <CheckField
            label="Random search baseline"
            checked={draft.randomBaseline}
            disabled={disabled}
            onChange={(randomBaseline) => set({ randomBaseline })}
          />
        </div>
        <p id={levelsId} className="hint">
          Trials in flight at once (SparkTrials' parallelism). With P = max evals every trial is submitted
          before any result is back, so the algorithm learns nothing: random search in effect. The baseline
          runs random search at the highest level.
        </p>
      </fieldset>
      <fieldset className="lab-fieldset">
        <legend>Trial durations (virtual time)</legend>
        <div className="lab-form">
          <SelectField
            label="Duration model"
            value={draft.durationKind}
            options={DURATION_MODELS}
            disabled={disabled}
            onChange={(kind) => set({ durationKind: kind === 'exponential' ? 'exponential' : 'stragglers' })}
          />
          <NumberField
            label={stragglers ? 'Base duration' : 'Mean duration'}
            value={draft.base}
            min={0}
            disabled={disabled}
            onChange={(base) => set({ base })}
          />
          {stragglers && (
            <>
              <NumberField
                label="Spread (log-normal σ)"
                value={draft.spread}
                min={0}
                max={3}
                disabled={disabled}
                onChange={(spread) => set({ spread })}
                hint="0: every ordinary trial takes the base duration."
              />
              <NumberField
                label="Straggler probability (%)"
                value={draft.stragglerPercent}
                min={0}
                max={100}
                disabled={disabled}
                onChange={(stragglerPercent) => set({ stragglerPercent })}
              />
              <NumberField
                label="Straggler factor (×)"
                value={draft.stragglerFactor}
                min={1}
                max={1000}
                disabled={disabled}
                onChange={(stragglerFactor) => set({ stragglerFactor })}
                hint="A straggler takes this many times longer."
              />
            </>
          )}
        </div>
      </fieldset>
    </div>
  );
}
