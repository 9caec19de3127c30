import { describe, expect, it } from 'vitest';
import { parseFilter, parseOrderBy } from './parse';
import { QueryError } from './queryError';

describe('parseFilter: valid queries', () => {
  it('parses the issue example', () => {
    expect(
      parseFilter("metrics.loss < 0.5 and params.kind = 'b' and attributes.status = 'FINISHED'"),
    ).toEqual([
      { entity: 'metric', key: 'loss', comparator: '<', value: 0.5, column: 1 },
      { entity: 'param', key: 'kind', comparator: '=', value: 'b', column: 24 },
      { entity: 'attribute', key: 'status', comparator: '=', value: 'FINISHED', column: 46 },
    ]);
  });

  it('accepts aliases, quoted and dotted keys, double-quoted values and every comparator', () => {
    const parsed = parseFilter(
      'metric.`f1 score` >= 1e-3 AND param."model-type" != "x" AND tags.mlflow.parentRunId = \'p\' ' +
        "AND tag.`a` LIKE 'sk%' AND tags.b ILIKE '%Log%' AND run_id IN ('a', 'b') AND attr.`Run Name` NOT IN ('z') " +
        'AND created > 1670628787527 AND metrics.x <> -2 AND metrics.y <= .5',
    );
    expect(parsed.map((c) => [c.entity, c.key, c.comparator, c.value])).toEqual([
      ['metric', 'f1 score', '>=', 0.001],
      ['param', 'model-type', '!=', 'x'],
      ['tag', 'mlflow.parentRunId', '=', 'p'],
      ['tag', 'a', 'LIKE', 'sk%'],
      ['tag', 'b', 'ILIKE', '%Log%'],
      ['attribute', 'run_id', 'IN', ['a', 'b']],
      ['attribute', 'run_name', 'NOT IN', ['z']],
      ['attribute', 'start_time', '>', 1670628787527],
      ['metric', 'x', '!=', -2],
      ['metric', 'y', '<=', 0.5],
    ]);
  });

  it("reads doubled and backslashed quotes inside strings, and '' as an empty filter", () => {
    expect(parseFilter("params.q = 'it''s' and params.r = 'a\\'b'").map((c) => c.value)).toEqual([
      "it's",
      "a'b",
    ]);
    expect(parseFilter('')).toEqual([]);
    expect(parseFilter('   ')).toEqual([]);
  });
});

describe('parseFilter: each error names the token, the column and what was expected', () => {
  const cases: [string, string][] = [
    [
      'metrics.loss xyz 0.5',
      "Unexpected token 'xyz' at column 14: expected a comparison operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN)",
    ],
    [
      'metrics.loss <',
      'Unexpected end of the query at column 15: expected a number to compare metrics.loss with',
    ],
    [
      "metrics.loss < 'a'",
      "Unexpected token ''a'' at column 16: expected a number to compare metrics.loss with",
    ],
    [
      'params.kind = b',
      "Unexpected token 'b' at column 15: expected a quoted string to compare params.kind with (e.g. '0.1')",
    ],
    [
      "params.kind < 'b'",
      'Operator < at column 13 does not apply to params.kind: use one of =, !=, LIKE, ILIKE',
    ],
    [
      "metrics.loss LIKE 'b'",
      'Operator LIKE at column 14 does not apply to metrics.loss: use one of =, !=, <, <=, >, >=',
    ],
    [
      "params.a = 'x' or params.b = 'y'",
      'OR at column 16 is not supported: MLflow filters combine conditions with AND only',
    ],
    [
      "params.a = 'x' params.b = 'y'",
      "Unexpected token 'params' at column 16: expected AND or the end of the query",
    ],
    ["foo.bar = 'x'", "Unknown entity 'foo' at column 1: expected metrics, params, tags or attributes"],
    [
      "attributes.colour = 'x'",
      "Unknown attribute 'colour' at column 12: expected one of status, run_name, run_id, start_time, end_time",
    ],
    ["params.a = 'x", "Unterminated string starting at column 12: close it with '"],
    ['metrics.`a = 1', 'Unterminated name starting at column 9: close it with `'],
    [
      'metrics.loss < 0.5 and',
      'Unexpected end of the query at column 23: expected an identifier such as metrics.loss',
    ],
    ["run_id IN 'a'", "Unexpected token ''a'' at column 11: expected '(' to start a list of quoted strings"],
    ["run_id IN ('a' 'b')", "Unexpected token ''b'' at column 16: expected ',' or ')'"],
    ['metrics.loss < 0.5 # x', "Unexpected character '#' at column 20"],
    [
      'metrics. < 1',
      "Unexpected token '<' at column 10: expected a metric name after 'metrics.' (quote names with special characters in backticks)",
    ],
  ];
  it.each(cases)('%s', (query, message) => {
    let error: unknown;
    try {
      parseFilter(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).message).toBe(message);
    expect(message).toContain(`column ${(error as QueryError).column}`);
  });
});

describe('parseOrderBy', () => {
  it('parses any column with ASC/DESC (ASC by default)', () => {
    expect(
      parseOrderBy(['metrics.loss', 'params.`lr` DESC, tags.z asc', 'attributes.start_time DESC']),
    ).toEqual([
      { entity: 'metric', key: 'loss', ascending: true },
      { entity: 'param', key: 'lr', ascending: false },
      { entity: 'tag', key: 'z', ascending: true },
      { entity: 'attribute', key: 'start_time', ascending: false },
    ]);
  });

  it('points at what is wrong', () => {
    expect(() => parseOrderBy('metrics.loss DOWN')).toThrow(
      "Unexpected token 'DOWN' at column 14: expected ASC, DESC, ',' or the end of the clause",
    );
  });
});
