/**
 * The tokenizer of MLflow's search syntax (mlflow/utils/search_utils.py parses it with sqlparse;
 * this is a hand-written equivalent for the subset MLflow accepts). Columns are 1-based, so errors
 * can point at the character.
 */
import { QueryError } from './queryError';

export type TokenKind = 'word' | 'backticked' | 'string' | 'number' | 'op' | '(' | ')' | ',' | '.' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The source text of the token. */
  text: string;
  /** Unquoted content for words, backticked names and strings; the number for numbers. */
  value: string | number;
  /** 1-based column of the first character. */
  column: number;
}

const OPS = ['!=', '<>', '<=', '>=', '=', '<', '>'];
const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_]/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/;

/** Reads a quoted run starting at `start` (the quote), with the quote doubled or backslashed inside. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start]!;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else if (c === quote && text[i + 1] === quote) {
      value += quote;
      i += 2;
    } else if (c === quote) {
      return { value, end: i + 1 };
    } else {
      value += c;
      i++;
    }
  }
  const what = quote === '`' ? 'name' : 'string';
  throw new QueryError(
    `Unterminated ${what} starting at column ${start + 1}: close it with ${quote}`,
    start + 1,
  );
}

/** Splits a filter or order-by clause into tokens, ending with an 'eof' token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const column = i + 1;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"' || c === '`') {
      const { value, end } = readQuoted(text, i);
      tokens.push({ kind: c === '`' ? 'backticked' : 'string', text: text.slice(i, end), value, column });
      i = end;
    } else if (c === '(' || c === ')' || c === ',' || c === '.') {
      // A '.' directly followed by a digit after an operator is a number like .5.
      const number = c === '.' ? NUMBER.exec(text.slice(i)) : null;
      if (number && tokens.at(-1)?.kind === 'op') {
        tokens.push({ kind: 'number', text: number[0], value: Number(number[0]), column });
        i += number[0].length;
      } else {
        tokens.push({ kind: c, text: c, value: c, column });
        i++;
      }
    } else if (WORD_START.test(c)) {
      let end = i + 1;
      while (end < text.length && WORD_PART.test(text[end]!)) end++;
      const word = text.slice(i, end);
      tokens.push({ kind: 'word', text: word, value: word, column });
      i = end;
    } else if (/[-+\d]/.test(c)) {
      const number = NUMBER.exec(text.slice(i));
      if (!number) throw new QueryError(`Unexpected character '${c}' at column ${column}`, column);
      tokens.push({ kind: 'number', text: number[0], value: Number(number[0]), column });
      i += number[0].length;
    } else {
      const op = OPS.find((o) => text.startsWith(o, i));
      if (!op) throw new QueryError(`Unexpected character '${c}' at column ${column}`, column);
      tokens.push({ kind: 'op', text: op, value: op === '<>' ? '!=' : op, column });
      i += op.length;
    }
  }
  tokens.push({ kind: 'eof', text: '', value: '', column: text.length + 1 });
  return tokens;
}
