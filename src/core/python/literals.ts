/**
 * Numbers and strings written as source text of Python or TypeScript, losslessly: parsing the text
 * gives back the same double and the same string.
 */

export type TargetLanguage = 'python' | 'typescript';

/**
 * The shortest text that reads back as `value`. JavaScript's `String(number)` is already the
 * shortest round-trip form (as Python's `repr` is) and its exponent syntax (`1e-7`, `1e+21`) is
 * valid Python too; only negative zero needs care, since `String(-0)` is `'0'`.
 */
export function formatNumber(value: number, language: TargetLanguage): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written as a literal`);
  if (Object.is(value, -0)) return language === 'python' ? '-0.0' : '-0';
  const plain = String(value);
  // 1e-5 reads better than 0.00001; integers stay integers (Python's randint wants an int).
  if (Number.isInteger(value)) return plain;
  const exponent = value.toExponential().replace('e+', 'e');
  return exponent.length < plain.length && Number(exponent) === value ? exponent : plain;
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');

/**
 * A single-quoted string literal (double quotes when that avoids escaping). Control characters,
 * line separators and lone surrogates are escaped, which both languages read the same way.
 */
export function quoteString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    const code = value.charCodeAt(i);
    if (char === quote) out += `\\${quote}`;
    else if (ESCAPES[char] !== undefined) out += ESCAPES[char];
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code === 0x2028 || code === 0x2029) out += `\\u${hex(code, 4)}`;
    else if (code >= 0xd800 && code <= 0xdbff && /[\udc00-\udfff]/.test(value[i + 1] ?? '')) {
      out += char + value[i + 1]!;
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) out += `\\u${hex(code, 4)}`;
    else out += char;
  }
  return out + quote;
}

/**
 * For a log-space bound `x`, a short number `v` with `Math.log(v) === x` exactly (so that
 * `np.log(v)` or `Math.log(v)` reads back as the same bound), or undefined when there is none
 * with at most 6 significant digits.
 */
export function niceExp(x: number): number | undefined {
  const exp = Math.exp(x);
  if (!(exp > 0) || !Number.isFinite(exp)) return undefined;
  for (let digits = 1; digits <= 6; digits++) {
    const v = Number(exp.toPrecision(digits));
    if (Object.is(Math.log(v), x)) return v;
  }
  return undefined;
}
