import { useEffect, useMemo, useState } from 'react';
import { QueryError } from '../../tracking';
import type { Run } from '../../tracking';
import { useTracking } from '../tracking/trackingContext';
import { TreeSearch, type FilterResult } from './treeSearch';

export interface TreeFilter {
  /** The filter parsed; undefined for none or a bad one. */
  active: boolean;
  /** What the filter found so far (grows while `searching`). */
  result: FilterResult | undefined;
  searching: boolean;
  /** A filter that does not parse, with the column it failed at. */
  error: QueryError | undefined;
  /** Reading the runs failed, in words. */
  failure: string | undefined;
}

const NONE: TreeFilter = {
  active: false,
  result: undefined,
  searching: false,
  error: undefined,
  failure: undefined,
};

/**
 * The tree filtered by an MLflow filter, searched in the background (TreeSearch): the result grows
 * as children are read, and is searched again, reusing what did not change, when parents change.
 */
export function useTreeFilter(filter: string, parents: readonly Run[] | undefined): TreeFilter {
  const { store } = useTracking();
  const parsed = useMemo(() => {
    if (store === undefined || filter.trim() === '') return undefined;
    try {
      return new TreeSearch(store, filter);
    } catch (e) {
      if (e instanceof QueryError) return e;
      throw e;
    }
  }, [store, filter]);
  const [state, setState] = useState<{ search: TreeSearch; result: FilterResult } | undefined>(undefined);
  const [failure, setFailure] = useState<{ search: TreeSearch; message: string } | undefined>(undefined);

  useEffect(() => {
    if (!(parsed instanceof TreeSearch) || parents === undefined) return;
    let cancelled = false;
    parsed
      .search(
        parents,
        (result) => setState({ search: parsed, result }),
        () => cancelled,
      )
      .catch((e: unknown) => {
        if (!cancelled) setFailure({ search: parsed, message: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
    };
  }, [parsed, parents]);

  if (parsed === undefined) return NONE;
  if (parsed instanceof QueryError) return { ...NONE, error: parsed };
  const result = state?.search === parsed ? state.result : undefined;
  return {
    active: true,
    result,
    searching: result === undefined || !result.done,
    error: undefined,
    failure: failure?.search === parsed ? failure.message : undefined,
  };
}
