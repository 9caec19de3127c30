/**
 * Filtering and ordering runs by parsed conditions, with MLflow's semantics
 * (mlflow/utils/search_utils.py: _does_run_match_clause, _get_value_for_sort): a run without the
 * metric, param or tag never matches; metrics compare by their latest value; LIKE is case
 * sensitive, ILIKE is not; runs without the sort value (or NaN) come last in either direction.
 */
import type { Run } from '../types';
import type { Attribute } from './identifiers';
import type { Condition, OrderClause } from './parse';

/** The value an identifier has on a run, or undefined when the run has none. */
export function valueOf(run: Run, entity: Condition['entity'], key: string): string | number | undefined {
  switch (entity) {
    case 'metric':
      return run.metrics[key]?.value;
    case 'param':
      return run.params[key];
    case 'tag':
      return run.tags[key];
    case 'attribute':
      switch (key as Attribute) {
        case 'status':
          return run.status;
        case 'run_name':
          return run.name;
        case 'run_id':
          return run.id;
        case 'start_time':
          return run.startTime;
        case 'end_time':
          return run.endTime ?? undefined;
      }
  }
  return undefined;
}

/** SQL LIKE as MLflow converts it: % any run of characters, _ one character, anchored at both ends. */
export function likeToRegExp(pattern: string, ignoreCase: boolean): RegExp {
  let source = '';
  for (const c of pattern) {
    if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
}

function compile(condition: Condition): (run: Run) => boolean {
  const { entity, key, comparator, value } = condition;
  const get = (run: Run) => valueOf(run, entity, key);
  switch (comparator) {
    case 'LIKE':
    case 'ILIKE': {
      const re = likeToRegExp(String(value), comparator === 'ILIKE');
      return (run) => {
        const v = get(run);
        return v !== undefined && re.test(String(v));
      };
    }
    case 'IN':
    case 'NOT IN': {
      const set = new Set(value as string[]);
      const wanted = comparator === 'IN';
      return (run) => {
        const v = get(run);
        return v !== undefined && set.has(String(v)) === wanted;
      };
    }
    default: {
      const cmp: Record<string, (a: string | number, b: string | number) => boolean> = {
        '=': (a, b) => a === b,
        '!=': (a, b) => a !== b,
        '<': (a, b) => a < b,
        '<=': (a, b) => a <= b,
        '>': (a, b) => a > b,
        '>=': (a, b) => a >= b,
      };
      const test = cmp[comparator]!;
      return (run) => {
        const v = get(run);
        return v !== undefined && test(v, value as string | number);
      };
    }
  }
}

/** A predicate true for runs matching every condition. */
export function compileFilter(conditions: readonly Condition[]): (run: Run) => boolean {
  const tests = conditions.map(compile);
  return (run) => tests.every((test) => test(run));
}

const missing = (v: string | number | undefined): boolean =>
  v === undefined || (typeof v === 'number' && Number.isNaN(v));

/**
 * Runs sorted by `clauses`, after MLflow's natural order (start time descending, then run id);
 * missing and NaN values last whatever the direction.
 */
export function sortRuns(runs: readonly Run[], clauses: readonly OrderClause[]): Run[] {
  const natural = (a: Run, b: Run) => b.startTime - a.startTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...runs].sort((a, b) => {
    for (const { entity, key, ascending } of clauses) {
      const va = valueOf(a, entity, key);
      const vb = valueOf(b, entity, key);
      const ma = missing(va);
      const mb = missing(vb);
      if (ma || mb) {
        if (ma !== mb) return ma ? 1 : -1;
        continue;
      }
      if (va! < vb!) return ascending ? -1 : 1;
      if (va! > vb!) return ascending ? 1 : -1;
    }
    return natural(a, b);
  });
}
