/**
 * Suggestions for the search box (pure): where an identifier is being typed (at the start, or
 * after AND), the entities, and once `params.`, `metrics.` or `tags.` is typed, the keys the
 * history has under it. Keys with characters MLflow's grammar does not allow bare are backticked.
 */
import type { Run } from '../../tracking';

export type EntityPrefix = 'metrics' | 'params' | 'tags' | 'attributes';

/** The keys known so far, per entity. */
export interface KeyCatalog {
  metrics: Set<string>;
  params: Set<string>;
  tags: Set<string>;
}

export const emptyCatalog = (): KeyCatalog => ({ metrics: new Set(), params: new Set(), tags: new Set() });

/** Adds the keys of `runs` to `catalog`; returns whether any was new. */
export function collectKeys(catalog: KeyCatalog, runs: Iterable<Run>): boolean {
  let added = false;
  const add = (set: Set<string>, keys: Iterable<string>) => {
    for (const key of keys) {
      if (!set.has(key)) {
        set.add(key);
        added = true;
      }
    }
  };
  for (const run of runs) {
    add(catalog.metrics, Object.keys(run.metrics));
    add(catalog.params, Object.keys(run.params));
    add(catalog.tags, Object.keys(run.tags));
  }
  return added;
}

/** MLflow's searchable run attributes. */
const ATTRIBUTES = ['status', 'run_name', 'run_id', 'start_time', 'end_time'];

/** The entity words MLflow accepts, mapped to the catalog part they name. */
const ENTITIES: Record<string, EntityPrefix> = {
  metric: 'metrics',
  metrics: 'metrics',
  param: 'params',
  params: 'params',
  parameter: 'params',
  parameters: 'params',
  tag: 'tags',
  tags: 'tags',
  attribute: 'attributes',
  attributes: 'attributes',
  attr: 'attributes',
};

export interface Suggestion {
  /** What replaces the word being typed. */
  insert: string;
  /** What it is, in words (shown beside it). */
  detail: string;
}

export interface Suggestions {
  /** The span of the query the chosen suggestion replaces. */
  from: number;
  to: number;
  items: Suggestion[];
}

const MAX_ITEMS = 12;

export const quoteKey = (key: string): string =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(key) ? key : `\`${key.replace(/`/g, '')}\``;

/** Keys containing `partial` (case-insensitive), those starting with it first, then alphabetical. */
function ranked(keys: Iterable<string>, partial: string): string[] {
  const p = partial.toLowerCase();
  return [...keys]
    .filter((k) => k.toLowerCase().includes(p))
    .sort((a, b) => {
      const sa = a.toLowerCase().startsWith(p) ? 0 : 1;
      const sb = b.toLowerCase().startsWith(p) ? 0 : 1;
      return sa - sb || a.localeCompare(b);
    });
}

/** Suggestions for the word at `cursor` in `text`. */
export function suggest(text: string, cursor: number, catalog: KeyCatalog): Suggestions {
  let from = cursor;
  while (from > 0 && /[A-Za-z0-9_.`]/.test(text[from - 1]!)) from--;
  const none: Suggestions = { from, to: cursor, items: [] };
  // An identifier starts the query or follows AND; elsewhere a value or an operator is typed.
  const before = text.slice(0, from).trimEnd();
  if (before !== '' && !/(^|\s)and$/i.test(before)) return none;
  let to = cursor;
  while (to < text.length && /[A-Za-z0-9_.`]/.test(text[to]!)) to++;
  const word = text.slice(from, cursor);
  const dot = word.indexOf('.');
  if (dot === -1) {
    const p = word.toLowerCase();
    const entities: Suggestion[] = (['metrics', 'params', 'tags', 'attributes'] as const)
      .filter((e) => e.startsWith(p))
      .map((e) => ({
        insert: `${e}.`,
        detail: `a run's ${e === 'attributes' ? 'attribute' : e.slice(0, -1)}`,
      }));
    const attributes = p === '' ? [] : ranked(ATTRIBUTES, p).map((a) => ({ insert: a, detail: 'attribute' }));
    return { from, to, items: [...entities, ...attributes].slice(0, MAX_ITEMS) };
  }
  const entity = ENTITIES[word.slice(0, dot).toLowerCase()];
  if (entity === undefined) return none;
  const partial = word.slice(dot + 1).replace(/`/g, '');
  const keys = entity === 'attributes' ? ATTRIBUTES : catalog[entity];
  const detail = entity === 'attributes' ? 'attribute' : entity.slice(0, -1);
  const items = ranked(keys, partial)
    .filter((k) => `${entity}.${quoteKey(k)}` !== word)
    .slice(0, MAX_ITEMS)
    .map((k) => ({ insert: `${word.slice(0, dot)}.${quoteKey(k)}`, detail }));
  return { from, to, items };
}
