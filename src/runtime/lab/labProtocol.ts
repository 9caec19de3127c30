/**
 * The lab worker's surface: run a decoded LabRequest with progress and cancellation, answer with a
 * summary ready to chart. Results are plain data (structured clone); `decodeLabOutcome` checks their
 * shape on arrival so a stale or broken worker gives a sentence, not a crash in a chart.
 */
import type { LabSummary, RaceEntry } from '../../core/simulate/index';
import type { ParallelLabRequest, RaceRequest } from './labRequest';

export interface LabProgress {
  /** Runs finished (one arm on one seed). */
  done: number;
  total: number;
}

export interface ParallelLabResult {
  kind: 'lab';
  /** The request as the worker decoded it (levels sorted and deduplicated). */
  request: ParallelLabRequest;
  knownMin: number;
  seeds: number[];
  summary: LabSummary;
  /** Real milliseconds the worker spent. */
  computeMillis: number;
}

export interface RaceCompetitorResult extends RaceEntry {
  label: string;
}

export interface RaceResult {
  kind: 'race';
  request: RaceRequest;
  knownMin: number;
  seeds: number[];
  entries: RaceCompetitorResult[];
  computeMillis: number;
}

export type LabResult = ParallelLabResult | RaceResult;

export type LabOutcome = { status: 'done'; result: LabResult } | { status: 'cancelled' };

/** What lab.worker.ts exposes through Comlink. */
export interface LabApi {
  /**
   * Simulates the request (validated in the worker); `onProgress` hears after every run. Resolves
   * 'cancelled' soon after `cancel(jobId)`; rejects with a sentence when the request is refused.
   */
  run(jobId: number, request: unknown, onProgress: (progress: LabProgress) => void): Promise<LabOutcome>;
  cancel(jobId: number): void;
}

export class LabProtocolError extends Error {
  override name = 'LabProtocolError';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the shape of a worker's answer. @throws LabProtocolError */
export function decodeLabOutcome(value: unknown): LabOutcome {
  const broken = (what: string) => new LabProtocolError(`The lab worker answered ${what}; reload the page.`);
  if (!isRecord(value)) throw broken('with no data');
  if (value['status'] === 'cancelled') return { status: 'cancelled' };
  const result = value['result'];
  if (value['status'] !== 'done' || !isRecord(result)) throw broken('with an unknown status');
  if (
    !Array.isArray(result['seeds']) ||
    typeof result['knownMin'] !== 'number' ||
    !isRecord(result['request'])
  )
    throw broken('without its seeds or request');
  if (result['kind'] === 'lab') {
    const summary = result['summary'];
    if (!isRecord(summary) || !Array.isArray(summary['arms'])) throw broken('a lab without its arms');
  } else if (result['kind'] === 'race') {
    if (!Array.isArray(result['entries'])) throw broken('a race without its entries');
  } else throw broken('an unknown kind of result');
  return value as LabOutcome;
}
