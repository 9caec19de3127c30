/**
 * `searchRuns`, MLflow's `search_runs` over the store: filter and order with MLflow's syntax, plus
 * helpers for the parent/child shape of Hyperopt runs. The query is parsed before anything is read,
 * so a bad query fails at once with a QueryError pointing at its column.
 */
import type { RunStore } from '../runStore';
import { TAG_PARENT_RUN_ID } from '../types';
import type { Run } from '../types';
import { compileFilter, sortRuns } from './evaluate';
import { parseFilter, parseOrderBy } from './parse';

export interface SearchOptions {
  /** Experiments to search (default: all). */
  experimentIds?: readonly string[];
  /** An MLflow filter, e.g. "metrics.loss < 0.5 and params.kind = 'b'". */
  filter?: string;
  /** Order-by clauses, e.g. ['metrics.loss ASC', 'attributes.start_time DESC']. */
  orderBy?: string | readonly string[];
  /** 'parents': top-level runs only; 'children': nested runs only; default 'all'. */
  scope?: 'all' | 'parents' | 'children';
  /** Only the children of this run (reads them through the parent index). */
  parentRunId?: string;
  maxResults?: number;
}

async function candidates(store: RunStore, options: SearchOptions): Promise<Run[]> {
  if (options.parentRunId !== undefined) return store.listRuns({ parentRunId: options.parentRunId });
  const parentRunId = options.scope === 'parents' ? null : undefined;
  const experiments = options.experimentIds;
  const lists = experiments
    ? await Promise.all(experiments.map((experimentId) => store.listRuns({ experimentId, parentRunId })))
    : [await store.listRuns({ parentRunId })];
  const runs = lists.flat();
  return options.scope === 'children' ? runs.filter((r) => r.parentRunId !== null) : runs;
}

/** Runs matching `options`, ordered. @throws QueryError for a filter or order-by that does not parse. */
export async function searchRuns(store: RunStore, options: SearchOptions = {}): Promise<Run[]> {
  const conditions = parseFilter(options.filter ?? '');
  const order = parseOrderBy(options.orderBy ?? []);
  const matches = compileFilter(conditions);
  const runs = sortRuns((await candidates(store, options)).filter(matches), order);
  return options.maxResults === undefined ? runs : runs.slice(0, options.maxResults);
}

/** The filter that selects the children of a run (MLflow's usual spelling). */
export function childrenOfFilter(parentRunId: string): string {
  return `tags.\`${TAG_PARENT_RUN_ID}\` = '${parentRunId.replace(/'/g, "''")}'`;
}

export const isChildRun = (run: Run): boolean => run.parentRunId !== null;
export const isParentRun = (run: Run): boolean => run.children.total > 0;
