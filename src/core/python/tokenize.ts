/**
 * Tokens of the Python subset that spaces are written in: names, numbers, strings, operators and
 * the NEWLINEs that end statements (none inside brackets, as in Python's implicit line joining).
 * Comments and indentation are skipped: a pasted space has no blocks that indentation could open.
 */
import { failAt, type Pos } from './pythonErrors';

export type Token =
  | { kind: 'name'; text: string; pos: Pos }
  | { kind: 'number'; text: string; value: number; pos: Pos }
  | { kind: 'string'; text: string; value: string; pos: Pos }
  | { kind: 'op'; text: string; pos: Pos }
  | { kind: 'newline'; text: string; pos: Pos }
  | { kind: 'end'; text: string; pos: Pos };

const NUMBER =
  /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?)([jJ])?/;
const NAME = /^[A-Za-z_\u00c0-\uffff][A-Za-z0-9_\u00c0-\uffff]*/;
/** Python's operators and delimiters, longest first so that `**` is not read as two `*`. */
const OPERATORS = (
  '**= //= >>= <<= ... ** // << >> <= >= == != -> := += -= *= /= %= &= |= ^= @= ' +
  '( ) [ ] { } , : . ; = + - * / % @ & | ^ ~ < >'
).split(' ');
const STRING_PREFIX = /^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])(?=['"])/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\n': '',
};

function numberValue(text: string, pos: Pos): number {
  const clean = text.replace(/_/g, '');
  const radix = /^0[xXoObB]/.exec(clean);
  if (radix !== null) {
    const base = { x: 16, o: 8, b: 2 }[clean[1]!.toLowerCase() as 'x' | 'o' | 'b'];
    return [...clean.slice(2)].reduce((acc, d) => acc * base + parseInt(d, 16), 0);
  }
  if (/^0\d/.test(clean) && /^\d+$/.test(clean) && !/^0+$/.test(clean))
    failAt(pos, `leading zeros in a number are not allowed in Python (\`${text}\`)`);
  return Number(clean);
}

/** Reads a string literal body; `start` is just after the opening quote(s). */
function readString(src: string, start: number, quote: string, raw: boolean, pos: Pos) {
  let value = '';
  let i = start;
  for (;;) {
    if (i >= src.length || (quote.length === 1 && src[i] === '\n'))
      return failAt(pos, 'this string is not closed');
    if (src.startsWith(quote, i)) return { value, end: i + quote.length };
    const char = src[i]!;
    if (char !== '\\') {
      value += char;
      i++;
      continue;
    }
    const next = src[i + 1] ?? '';
    if (raw) {
      value += char + next;
      i += 2;
      continue;
    }
    const simple = SIMPLE_ESCAPES[next];
    const hexLength = { x: 2, u: 4, U: 8 }[next];
    if (simple !== undefined) {
      value += simple;
      i += 2;
    } else if (hexLength !== undefined) {
      const digits = src.slice(i + 2, i + 2 + hexLength);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hexLength)
        failAt(pos, `bad escape \`\\${next}${digits}\` in a string`);
      value += String.fromCodePoint(parseInt(digits, 16));
      i += 2 + hexLength;
    } else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(src.slice(i + 1))![0];
      value += String.fromCharCode(parseInt(digits, 8));
      i += 1 + digits.length;
    } else {
      // Python keeps unknown escapes as written (with a warning).
      value += char;
      i++;
    }
  }
}

/** Splits `src` into tokens, ending with one `end` token. @throws PythonImportError */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  const here = (): Pos => ({ line, column: i - lineStart + 1 });
  const newline = () => {
    line++;
    lineStart = i;
  };
  while (i < src.length) {
    const char = src[i]!;
    const rest = src.slice(i, i + 200);
    if (char === '\n') {
      const last = tokens[tokens.length - 1];
      if (depth === 0 && last !== undefined && last.kind !== 'newline')
        tokens.push({ kind: 'newline', text: '\n', pos: here() });
      i++;
      newline();
    } else if (char === ' ' || char === '\t' || char === '\r' || char === '\f') {
      i++;
    } else if (char === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (char === '\\' && (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] === '\n'))) {
      i += src[i + 1] === '\n' ? 2 : 3;
      newline();
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const pos = here();
      const match = NUMBER.exec(rest)!;
      if (match[1] !== undefined) failAt(pos, `complex numbers are not supported (\`${match[0]}\`)`);
      tokens.push({ kind: 'number', text: match[0], value: numberValue(match[0], pos), pos });
      i += match[0].length;
    } else if (char === '"' || char === "'" || STRING_PREFIX.test(rest)) {
      const pos = here();
      const prefix = STRING_PREFIX.exec(rest)?.[0] ?? '';
      if (/[bB]/.test(prefix)) failAt(pos, `bytes literals are not supported (\`${prefix}'...'\`)`);
      if (/[fF]/.test(prefix)) failAt(pos, 'f-strings are not supported (they need variables)');
      const q = src[i + prefix.length]!;
      const quote = src.startsWith(q.repeat(3), i + prefix.length) ? q.repeat(3) : q;
      const start = i + prefix.length + quote.length;
      const { value, end } = readString(src, start, quote, /[rR]/.test(prefix), pos);
      tokens.push({ kind: 'string', text: src.slice(i, end), value, pos });
      for (let k = i; k < end; k++) {
        if (src[k] !== '\n') continue;
        line++;
        lineStart = k + 1;
      }
      i = end;
    } else if (NAME.test(rest)) {
      const text = NAME.exec(rest)![0];
      tokens.push({ kind: 'name', text, pos: here() });
      i += text.length;
    } else {
      const op = OPERATORS.find((o) => src.startsWith(o, i));
      if (op === undefined) failAt(here(), `unexpected character \`${char}\``);
      const pos = here();
      if (op === '(' || op === '[' || op === '{') depth++;
      if ((op === ')' || op === ']' || op === '}') && depth > 0) depth--;
      tokens.push({ kind: 'op', text: op!, pos });
      i += op!.length;
    }
  }
  const last = tokens[tokens.length - 1];
  if (depth === 0 && last !== undefined && last.kind !== 'newline')
    tokens.push({ kind: 'newline', text: '\n', pos: here() });
  tokens.push({ kind: 'end', text: '', pos: here() });
  return tokens;
}
