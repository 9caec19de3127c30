/** Number and duration formats shared by the Results region. */

export function formatLoss(loss: number | undefined): string {
  if (loss === undefined) return '—';
  const magnitude = Math.abs(loss);
  return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6)
    ? loss.toExponential(3)
    : Number(loss.toPrecision(5)).toString();
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

const STOP_REASONS: Record<string, string> = {
  maxEvals: 'max evals reached',
  algoExhausted: 'the algorithm had nothing more to suggest',
  earlyStop: 'early stopping condition',
  lossThreshold: 'loss threshold reached',
  timeout: 'timeout',
  aborted: 'stopped',
  error: 'failed',
};

export function describeStop(reason: string): string {
  return STOP_REASONS[reason] ?? reason;
}
