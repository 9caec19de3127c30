/**
 * A recursive-descent parser for MLflow's search filter and order-by syntax:
 *
 *   filter     := comparison (AND comparison)* EOF
 *   comparison := identifier comparator value
 *   identifier := [entity '.'] key            entity: metrics | params | tags | attributes (+ aliases)
 *   key        := word ('.' word)* | `name` | "name"
 *   comparator := = | != | <> | < | <= | > | >= | LIKE | ILIKE | IN | NOT IN
 *   value      := 'string' | "string" | number | '(' string (',' string)* ')'
 *   orderBy    := identifier [ASC | DESC] (',' identifier [ASC | DESC])* EOF
 *
 * Every error names the token, its column and what was expected.
 */
import { ATTRIBUTE_ALIASES, ENTITY_ALIASES, comparatorsFor, display } from './identifiers';
import type { Comparator, Entity } from './identifiers';
import { QueryError } from './queryError';
import { tokenize } from './tokenize';
import type { Token } from './tokenize';

export interface Condition {
  entity: Entity;
  key: string;
  comparator: Comparator;
  value: string | number | string[];
  column: number;
}

export interface OrderClause {
  entity: Entity;
  key: string;
  ascending: boolean;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.at]!;
  }

  next(): Token {
    return this.tokens[this.at++]!;
  }

  isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.text.toUpperCase() === word;
  }

  fail(expected: string, token: Token = this.peek()): never {
    if (token.kind === 'eof')
      throw new QueryError(
        `Unexpected end of the query at column ${token.column}: expected ${expected}`,
        token.column,
      );
    if (token.kind === 'word' && token.text.toUpperCase() === 'OR') {
      throw new QueryError(
        `OR at column ${token.column} is not supported: MLflow filters combine conditions with AND only`,
        token.column,
      );
    }
    throw new QueryError(
      `Unexpected token '${token.text}' at column ${token.column}: expected ${expected}`,
      token.column,
    );
  }

  identifier(): { entity: Entity; key: string; column: number } {
    const first = this.next();
    const column = first.column;
    if (first.kind !== 'word' && first.kind !== 'backticked' && first.kind !== 'string')
      this.fail('an identifier such as metrics.loss', first);
    const name = String(first.value);
    if (this.peek().kind !== '.' || first.kind !== 'word') {
      // No entity prefix: an attribute (MLflow: "attributes can be omitted").
      return { entity: 'attribute', key: this.attribute(name, first), column };
    }
    const entity = ENTITY_ALIASES[name];
    if (entity === undefined) {
      throw new QueryError(
        `Unknown entity '${name}' at column ${column}: expected metrics, params, tags or attributes`,
        column,
      );
    }
    this.next();
    const keyToken = this.next();
    let key: string;
    if (keyToken.kind === 'backticked' || keyToken.kind === 'string') {
      key = String(keyToken.value);
    } else if (keyToken.kind === 'word') {
      // Dotted keys need no quotes (tags.mlflow.parentRunId), as MLflow splits at the first dot.
      key = keyToken.text;
      while (this.peek().kind === '.' && this.tokens[this.at + 1]?.kind === 'word') {
        this.next();
        key += `.${this.next().text}`;
      }
    } else {
      this.fail(
        `a ${entity} name after '${name}.' (quote names with special characters in backticks)`,
        keyToken,
      );
    }
    if (key === '')
      throw new QueryError(`Empty ${entity} name at column ${keyToken.column}`, keyToken.column);
    return { entity, key: entity === 'attribute' ? this.attribute(key, keyToken) : key, column };
  }

  attribute(name: string, token: Token): string {
    const attribute = ATTRIBUTE_ALIASES[name];
    if (attribute === undefined) {
      const valid = 'status, run_name, run_id, start_time, end_time';
      throw new QueryError(
        `Unknown attribute '${name}' at column ${token.column}: expected one of ${valid}`,
        token.column,
      );
    }
    return attribute;
  }

  comparator(): Comparator {
    const t = this.peek();
    if (t.kind === 'op') return this.next().value as Comparator;
    for (const word of ['LIKE', 'ILIKE', 'IN'] as const) {
      if (this.isWord(word)) {
        this.next();
        return word;
      }
    }
    if (this.isWord('NOT')) {
      this.next();
      if (!this.isWord('IN')) this.fail('IN after NOT');
      this.next();
      return 'NOT IN';
    }
    return this.fail('a comparison operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN)');
  }

  condition(): Condition {
    const { entity, key, column } = this.identifier();
    const opToken = this.peek();
    const comparator = this.comparator();
    const { comparators, numeric } = comparatorsFor(entity, key);
    const name = display(entity, key);
    if (!comparators.includes(comparator)) {
      throw new QueryError(
        `Operator ${comparator} at column ${opToken.column} does not apply to ${name}: use one of ${comparators.join(', ')}`,
        opToken.column,
      );
    }
    if (comparator === 'IN' || comparator === 'NOT IN')
      return { entity, key, comparator, value: this.list(), column };
    const value = this.next();
    if (numeric) {
      if (value.kind !== 'number') this.fail(`a number to compare ${name} with`, value);
      return { entity, key, comparator, value: value.value as number, column };
    }
    if (value.kind !== 'string') this.fail(`a quoted string to compare ${name} with (e.g. '0.1')`, value);
    return { entity, key, comparator, value: String(value.value), column };
  }

  list(): string[] {
    if (this.peek().kind !== '(') this.fail("'(' to start a list of quoted strings");
    this.next();
    const values: string[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind !== 'string') this.fail('a quoted string in the list', t);
      values.push(String(t.value));
      const sep = this.next();
      if (sep.kind === ')') return values;
      if (sep.kind !== ',') this.fail("',' or ')'", sep);
    }
  }

  filter(): Condition[] {
    if (this.peek().kind === 'eof') return [];
    const conditions = [this.condition()];
    while (this.isWord('AND')) {
      this.next();
      conditions.push(this.condition());
    }
    if (this.peek().kind !== 'eof') this.fail('AND or the end of the query');
    return conditions;
  }

  orderBy(): OrderClause[] {
    const clauses: OrderClause[] = [];
    if (this.peek().kind === 'eof') return clauses;
    for (;;) {
      const { entity, key } = this.identifier();
      let ascending = true;
      if (this.isWord('ASC') || this.isWord('DESC')) ascending = this.next().text.toUpperCase() === 'ASC';
      clauses.push({ entity, key, ascending });
      const t = this.next();
      if (t.kind === 'eof') return clauses;
      if (t.kind !== ',') this.fail("ASC, DESC, ',' or the end of the clause", t);
    }
  }
}

/** Parses an MLflow search filter ('' matches every run). @throws QueryError */
export function parseFilter(filter: string): Condition[] {
  return new Parser(tokenize(filter)).filter();
}

/** Parses order-by clauses ("metrics.loss DESC", one string or several). @throws QueryError */
export function parseOrderBy(orderBy: string | readonly string[]): OrderClause[] {
  const list = typeof orderBy === 'string' ? [orderBy] : orderBy;
  return list.flatMap((clause) => new Parser(tokenize(clause)).orderBy());
}
