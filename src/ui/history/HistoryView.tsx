import { Region } from '../layout/Region';
import { HistoryPanel } from '../tracking/HistoryPanel';

/** The run history: every fmin call of this browser as a parent run with its trials. */
export default function HistoryView() {
  return (
    <main className="history-view">
      <Region title="History" className="region-history">
        <HistoryPanel />
      </Region>
    </main>
  );
}
