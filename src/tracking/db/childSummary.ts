/**
 * A parent's child summary, updated incrementally: a child counted with its status, and counted
 * out again when it changes. Kept in the parent row by the same transaction that writes the child,
 * so the summary and the children can never disagree.
 */
import type { ChildSummary, RunStatus } from '../types';

interface ChildLike {
  id: string;
  status: RunStatus;
  metrics: Record<string, { value: number }>;
}

const FIELD: Record<RunStatus, 'running' | 'finished' | 'failed' | 'killed'> = {
  RUNNING: 'running',
  FINISHED: 'finished',
  FAILED: 'failed',
  KILLED: 'killed',
};

/** The summary with `child` added (sign 1) or removed (sign -1). Does not mutate `summary`. */
export function addChild(summary: ChildSummary, child: ChildLike, sign: 1 | -1): ChildSummary {
  const next = { ...summary };
  next.total += sign;
  next[FIELD[child.status]] += sign;
  const loss = child.metrics['loss']?.value;
  if (sign === 1 && child.status === 'FINISHED' && typeof loss === 'number' && !Number.isNaN(loss)) {
    if (next.bestLoss === null || loss < next.bestLoss) {
      next.bestLoss = loss;
      next.bestRunId = child.id;
    }
  }
  // Removing the best child loses the best; the caller recomputes it from the children when needed
  // (deletion only: trial results never get worse).
  if (sign === -1 && next.bestRunId === child.id) {
    next.bestLoss = null;
    next.bestRunId = null;
  }
  return next;
}
