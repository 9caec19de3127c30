/** Values of a pasted Python space as the parser reads them, and the space nodes they become. */
import type { SpaceNode } from '../space';
import { failAt, type Pos } from './pythonErrors';

/** A parsed Python value, with where it starts. */
export type Value =
  | { t: 'num'; v: number; pos: Pos }
  | { t: 'str'; v: string; pos: Pos }
  | { t: 'lit'; v: boolean | null; pos: Pos }
  | { t: 'seq'; tuple: boolean; items: Value[]; pos: Pos }
  | { t: 'dict'; entries: [Value, Value][]; pos: Pos }
  | { t: 'node'; v: SpaceNode; pos: Pos };

export const describe = (v: Value): string =>
  ({
    num: 'a number',
    str: 'a string',
    lit: 'a constant',
    seq: v.t === 'seq' && v.tuple ? 'a tuple' : 'a list',
    dict: 'a dict',
    node: 'an hp expression',
  })[v.t];

/** The space node of a value (a dict's keys must be strings, as in a space document). */
export function toNode(value: Value): SpaceNode {
  switch (value.t) {
    case 'num':
    case 'str':
    case 'lit':
    case 'node':
      return value.v;
    case 'seq':
      return value.items.map(toNode);
    case 'dict': {
      const out: Record<string, SpaceNode> = {};
      for (const [key, item] of value.entries) {
        if (key.t !== 'str') failAt(key.pos, `dict keys must be strings (got ${describe(key)})`);
        const name = key.v as string;
        if (name === '$hp' || name === '__proto__') failAt(key.pos, `the key '${name}' is reserved`);
        Object.defineProperty(out, name, {
          value: toNode(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}

/** `left op right` for + - * / **, on numbers only (as a space needs: bounds like 2 ** -5). */
export function arithmetic(op: { text: string; pos: Pos }, left: Value, right: Value): Value {
  if (left.t !== 'num' || right.t !== 'num') return failAt(op.pos, `\`${op.text}\` works on numbers only`);
  const [a, b] = [left.v, right.v];
  if (op.text === '/' && b === 0) failAt(op.pos, 'division by zero');
  const v =
    op.text === '+'
      ? a + b
      : op.text === '-'
        ? a - b
        : op.text === '*'
          ? a * b
          : op.text === '/'
            ? a / b
            : a ** b;
  return { t: 'num', v, pos: left.pos };
}
