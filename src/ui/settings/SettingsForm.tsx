import { useId, type ReactNode } from 'react';
import type { SettingsDraft } from './settingsModel';
import { ALGORITHMS, parallelismNotes } from './settingsModel';

interface Props {
  draft: SettingsDraft;
  cores: number;
  disabled: boolean;
  onChange: (draft: SettingsDraft) => void;
  /** Fields a classroom link or lesson hides. */
  hideAlgorithm?: boolean;
  hideParallelism?: boolean;
}

function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: ReactNode;
  children: (id: string, hintId: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hint === undefined ? undefined : hintId)}
      {hint !== undefined && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
    </div>
  );
}

/** Algorithm, budget, parallelism and time limits. */
export function SettingsForm({ draft, cores, disabled, onChange, hideAlgorithm, hideParallelism }: Props) {
  const set = (change: Partial<SettingsDraft>) => onChange({ ...draft, ...change });
  const algo = ALGORITHMS.find((a) => a.value === draft.algo);
  const notes = parallelismNotes(draft, cores);
  const numberInput = (
    key:
      | 'maxEvals'
      | 'parallelism'
      | 'timeout'
      | 'perTrialTimeout'
      | 'maxQueueLen'
      | 'earlyStopRounds'
      | 'lossThreshold'
      | 'seed',
    props: { min?: number; step?: string; placeholder?: string },
  ) =>
    function NumberInput(id: string, hintId: string | undefined) {
      return (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          value={draft[key]}
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(e) => set({ [key]: e.target.value })}
          {...props}
        />
      );
    };
  return (
    <fieldset className="settings" disabled={disabled}>
      <legend className="visually-hidden">Run settings</legend>
      {!hideAlgorithm && (
        <Field label="Algorithm" hint={algo?.hint}>
          {(id, hintId) => (
            <select
              id={id}
              value={draft.algo}
              aria-describedby={hintId}
              onChange={(e) => set({ algo: e.target.value })}
            >
              {ALGORITHMS.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Max evals" hint="How many trials fmin evaluates (max_evals).">
        {numberInput('maxEvals', { min: 1, step: '1' })}
      </Field>
      <Field
        label="Trials"
        hint={
          draft.trialsKind === 'Trials'
            ? 'One at a time, for objectives that use every core themselves.'
            : 'A pool of sandboxed workers (like SparkTrials).'
        }
      >
        {(id, hintId) => (
          <select
            id={id}
            value={draft.trialsKind}
            aria-describedby={hintId}
            onChange={(e) => set({ trialsKind: e.target.value === 'Trials' ? 'Trials' : 'WorkerTrials' })}
          >
            <option value="WorkerTrials">WorkerTrials</option>
            <option value="Trials">Trials</option>
          </select>
        )}
      </Field>
      {!hideParallelism && (
        <Field
          label="Parallelism"
          hint={
            notes.length > 0
              ? notes.join(' ')
              : `Trials at once (SparkTrials' parallelism); ${cores} run on separate cores.`
          }
        >
          {numberInput('parallelism', { step: '1', placeholder: `${cores} (cores)` })}
        </Field>
      )}
      <Field
        label="Timeout (s)"
        hint="fmin's timeout for the whole run; running trials are cancelled when it passes. Empty: none."
      >
        {numberInput('timeout', { min: 0, step: 'any', placeholder: 'none' })}
      </Field>
      <Field
        label="Per-trial time limit (s)"
        hint="Ends one runaway trial and replaces its worker. Empty: one hour."
      >
        {numberInput('perTrialTimeout', { min: 0, step: 'any', placeholder: '1 hour' })}
      </Field>
      <Field label="Max queue length" hint="Suggestions generated ahead (Hyperopt's max_queue_len).">
        {numberInput('maxQueueLen', { min: 1, step: '1' })}
      </Field>
      <Field
        label="Early stop after (trials)"
        hint="Stops when the loss has not improved for this many trials (noProgressLoss). Empty: never."
      >
        {numberInput('earlyStopRounds', { min: 1, step: '1', placeholder: 'never' })}
      </Field>
      <Field
        label="Loss threshold"
        hint="Stops once a trial's loss is at or below it (loss_threshold). Empty: none."
      >
        {numberInput('lossThreshold', { step: 'any', placeholder: 'none' })}
      </Field>
      <Field
        label="Seed"
        hint="Seeds the algorithm's random numbers (rstate), for repeatable runs. Empty: a new seed each run."
      >
        {numberInput('seed', { step: '1', placeholder: 'random' })}
      </Field>
    </fieldset>
  );
}
