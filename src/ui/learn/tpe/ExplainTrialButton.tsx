import type { RuntimeState } from '../../../runtime/runtime';
import type { TrialRow } from '../../../runtime/run/progress';
import { useNavigation } from '../../nav/navigation';
import { useRuntimeSelector } from '../../runtime/runtimeContext';
import './explainTrialButton.css';

const selectTpeRun = (s: RuntimeState) => (s.run?.algoSpec?.name === 'tpe' ? s.run.runId : undefined);

/** In a trial's detail: opens "How TPE chose this" at that trial of the playground's last run. */
export function ExplainTrialButton({ row }: { row: TrialRow }) {
  const runId = useRuntimeSelector(selectTpeRun);
  const { navigate } = useNavigation();
  if (runId === undefined || row.suggest === undefined || row.vals === undefined) return null;
  return (
    <button
      type="button"
      className="explain-trial-button"
      onClick={() =>
        navigate({
          view: 'learn',
          params: { topic: 'tpe-explain', source: 'playground', run: String(runId), trial: String(row.tid) },
        })
      }
    >
      How TPE chose this
    </button>
  );
}
