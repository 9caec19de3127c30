/**
 * A finished top-level run with empty data, for tests that build runs by hand: each test passes only
 * what it is about. Imported only by *.test.ts files.
 */
import { emptyChildSummary, type Run } from './types';

export function runFixture(id: string, over: Partial<Run> = {}): Run {
  return {
    id,
    experimentId: 'e',
    name: id,
    status: 'FINISHED',
    startTime: 0,
    endTime: 10,
    parentRunId: null,
    params: {},
    tags: {},
    metrics: {},
    artifacts: [],
    children: emptyChildSummary(),
    trial: null,
    heartbeatAt: null,
    ...over,
  };
}
