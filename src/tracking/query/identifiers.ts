/**
 * The identifiers of MLflow's search syntax (mlflow/utils/search_utils.py: SearchUtils): entity
 * types with their aliases, the searchable run attributes, and which comparators each accepts.
 */
export type Entity = 'metric' | 'param' | 'tag' | 'attribute';

export const ENTITY_ALIASES: Record<string, Entity> = {
  metric: 'metric',
  metrics: 'metric',
  param: 'param',
  params: 'param',
  parameter: 'param',
  parameters: 'param',
  tag: 'tag',
  tags: 'tag',
  attribute: 'attribute',
  attributes: 'attribute',
  attr: 'attribute',
  run: 'attribute',
};

/** Run attributes by the names (and MLflow's aliases) a query may use. */
export const ATTRIBUTE_ALIASES: Record<string, Attribute> = {
  status: 'status',
  run_name: 'run_name',
  'run name': 'run_name',
  'Run name': 'run_name',
  'Run Name': 'run_name',
  run_id: 'run_id',
  start_time: 'start_time',
  created: 'start_time',
  Created: 'start_time',
  end_time: 'end_time',
};

export type Attribute = 'status' | 'run_name' | 'run_id' | 'start_time' | 'end_time';
export const NUMERIC_ATTRIBUTES: readonly Attribute[] = ['start_time', 'end_time'];

export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN';

const NUMERIC: readonly Comparator[] = ['=', '!=', '<', '<=', '>', '>='];
const STRING: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE'];
const STRING_ATTRIBUTE: readonly Comparator[] = [...STRING, 'IN', 'NOT IN'];

/** The comparators an identifier accepts, and whether its values are numbers. */
export function comparatorsFor(
  entity: Entity,
  key: string,
): { comparators: readonly Comparator[]; numeric: boolean } {
  if (entity === 'metric') return { comparators: NUMERIC, numeric: true };
  if (entity === 'attribute') {
    const numeric = NUMERIC_ATTRIBUTES.includes(key as Attribute);
    return { comparators: numeric ? NUMERIC : STRING_ATTRIBUTE, numeric };
  }
  return { comparators: STRING, numeric: false };
}

/** How an identifier is written back in messages, e.g. metrics.loss or params.`model type`. */
export function display(entity: Entity, key: string): string {
  const prefix = { metric: 'metrics', param: 'params', tag: 'tags', attribute: 'attributes' }[entity];
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(key) ? `${prefix}.${key}` : `${prefix}.\`${key}\``;
}
