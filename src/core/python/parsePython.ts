/**
 * "Import from Python": a Hyperopt space written in Python, read into a space document.
 *
 * A small hand-written recursive-descent parser, not a Python interpreter: the page must not run
 * pasted code (nor ship a Python runtime, megabytes of WebAssembly, for a few literals). A space is
 * data — hp.* calls, dicts, lists, tuples, numbers, strings, constants, `np.log` of numbers and
 * `scope.int` — so exactly that is read, and anything else (a variable, a loop, a call to another
 * function) is refused with its line and column rather than guessed at.
 */
import { SpaceError, compileSpace, toSpaceDocument, type SpaceDocument } from '../space';
import { hpCall, intCall, logCall, type Args } from './hpCalls';
import { arithmetic, toNode, type Value } from './values';
import { PythonImportError, failAt, type Pos } from './pythonErrors';
import { tokenize, type Token } from './tokenize';

// Python's keywords: none can start or continue a space, so each is named in the error.
const KEYWORDS = new Set(
  (
    'and as assert async await break class continue def del elif else except finally for from global ' +
    'if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);
const CONSTANTS: Readonly<Record<string, boolean | null>> = { True: true, False: false, None: null };
const HP_PREFIXES = ['hp.', 'hyperopt.hp.'];
const INT_NAMES = new Set(['scope.int', 'pyll.scope.int', 'hyperopt.pyll.scope.int']);
const LOG_NAMES = new Set(['np.log', 'numpy.log', 'math.log']);
/** Far deeper than any real space, far below the JavaScript stack's limit. */
const MAX_DEPTH = 100;

const show = (token: Token) =>
  token.kind === 'end'
    ? 'the end of the text'
    : token.kind === 'newline'
      ? 'the end of the line'
      : `\`${token.text}\``;

class Parser {
  private i = 0;
  /** Nesting of expressions being read, bounded so a pathological paste cannot overflow the stack. */
  private depth = 0;
  /** Where each hp label was written, to point at the call a validation error is about. */
  readonly labels = new Map<string, Pos[]>();
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.i++;
    return token;
  }
  private isOp(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'op' && token.text === text;
  }
  private expectOp(text: string, what: string): void {
    const token = this.next();
    if (token.kind !== 'op' || token.text !== text) this.unexpected(token, `expected \`${text}\` ${what}`);
  }
  /** A token that cannot be here: named precisely when it is a construct we do not read. */
  private unexpected(token: Token, expected: string): never {
    if (token.kind === 'name' && KEYWORDS.has(token.text)) {
      const what = token.text === 'for' ? 'comprehensions (`for`)' : `\`${token.text}\``;
      return failAt(
        token.pos,
        `${what} ${token.text === 'for' ? 'are' : 'is'} not supported: paste only the space`,
      );
    }
    if (token.kind === 'op' && !['(', ')', '[', ']', '{', '}', ',', ':', '='].includes(token.text))
      return failAt(token.pos, `the operator \`${token.text}\` is not supported`);
    return failAt(token.pos, `${expected}, found ${show(token)}`);
  }

  /** The whole paste: imports and comments are skipped; one expression or assignment is the space. */
  program(): Value {
    let space: Value | undefined;
    for (;;) {
      while (this.peek().kind === 'newline' || this.isOp(';')) this.next();
      const token = this.peek();
      if (token.kind === 'end') break;
      if (token.kind === 'name' && (token.text === 'import' || token.text === 'from')) {
        while (!['newline', 'end'].includes(this.peek().kind) && !this.isOp(';')) this.next();
        continue;
      }
      if (space !== undefined)
        failAt(token.pos, `only one space is read, but a second statement starts here (${show(token)})`);
      if (token.kind === 'name' && !KEYWORDS.has(token.text) && (this.isOp('=', 1) || this.isOp(':', 1))) {
        this.next();
        // `space: dict = {...}`: the annotation is skipped.
        if (this.isOp(':'))
          while (!this.isOp('=') && !['newline', 'end'].includes(this.peek().kind)) this.next();
        this.expectOp('=', 'after the name being assigned');
      }
      space = this.expression();
      const end = this.peek();
      if (end.kind !== 'newline' && end.kind !== 'end' && !this.isOp(';'))
        this.unexpected(end, 'expected the end of the statement');
    }
    if (space === undefined)
      throw new PythonImportError(
        'no space found: paste an hp expression, a dict or list of them, or `space = ...`',
        undefined,
        undefined,
      );
    return space;
  }

  private expression(): Value {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next();
      left = arithmetic(op, left, this.term());
    }
    return left;
  }

  private term(): Value {
    let left = this.factor();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.next();
      left = arithmetic(op, left, this.factor());
    }
    return left;
  }

  private factor(): Value {
    if (++this.depth > MAX_DEPTH)
      failAt(this.peek().pos, `nesting deeper than ${MAX_DEPTH} levels is not supported`);
    try {
      return this.unary();
    } finally {
      this.depth--;
    }
  }

  private unary(): Value {
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.next();
      const operand = this.factor();
      if (operand.t !== 'num') failAt(op.pos, `\`${op.text}\` works on numbers only`);
      return { t: 'num', v: op.text === '-' ? -(operand.v as number) : (operand.v as number), pos: op.pos };
    }
    const base = this.primary();
    if (!this.isOp('**')) return base;
    const op = this.next();
    return arithmetic(op, base, this.factor());
  }

  private primary(): Value {
    const token = this.next();
    if (token.kind === 'number') return this.noTrailer({ t: 'num', v: token.value, pos: token.pos });
    if (token.kind === 'string') {
      let value = token.value;
      // Adjacent literals concatenate, as in Python.
      while (this.peek().kind === 'string') value += (this.next() as { value: string }).value;
      return this.noTrailer({ t: 'str', v: value, pos: token.pos });
    }
    if (token.kind === 'name') return this.named(token);
    if (token.kind === 'op' && token.text === '(') return this.noTrailer(this.parenthesised(token.pos));
    if (token.kind === 'op' && token.text === '[') {
      const items = this.items(']', 'list');
      return this.noTrailer({ t: 'seq', tuple: false, items, pos: token.pos });
    }
    if (token.kind === 'op' && token.text === '{') return this.noTrailer(this.dict(token.pos));
    return this.unexpected(token, 'expected a value');
  }

  /** Values cannot be called, indexed or have attributes read in a space. */
  private noTrailer(value: Value): Value {
    const token = this.peek();
    if (this.isOp('[')) failAt(token.pos, 'indexing is not supported');
    if (this.isOp('(')) failAt(token.pos, 'calling a value is not supported');
    if (this.isOp('.')) failAt(token.pos, 'attributes and methods of values are not supported');
    return value;
  }

  /** A name: a constant, or a dotted name that must be one of the calls we read. */
  private named(token: Token & { kind: 'name' }): Value {
    if (Object.hasOwn(CONSTANTS, token.text))
      return this.noTrailer({ t: 'lit', v: CONSTANTS[token.text]!, pos: token.pos });
    if (KEYWORDS.has(token.text)) this.unexpected(token, 'expected a value');
    let name = token.text;
    while (this.isOp('.') && this.peek(1).kind === 'name') {
      this.next();
      name += `.${this.next().text}`;
    }
    if (!this.isOp('(')) {
      const after = this.peek();
      if (after.kind === 'name' && after.text === 'for') this.unexpected(after, '');
      if (this.isOp('[')) failAt(this.peek().pos, `indexing is not supported (\`${name}[...]\`)`);
      return failAt(
        token.pos,
        `${name.includes('.') ? 'attributes' : 'variables'} are not supported (\`${name}\`)`,
      );
    }
    const open = this.next();
    const args = this.callArgs(name);
    const prefix = HP_PREFIXES.find((p) => name.startsWith(p) && !name.slice(p.length).includes('.'));
    let value: Value;
    if (prefix !== undefined) {
      const node = hpCall(name.slice(prefix.length), args, token.pos, (label) =>
        this.labels.set(label, [...(this.labels.get(label) ?? []), token.pos]),
      );
      value = { t: 'node', v: node, pos: token.pos };
    } else if (INT_NAMES.has(name)) value = { t: 'node', v: intCall(args, token.pos), pos: token.pos };
    else if (LOG_NAMES.has(name)) value = { t: 'num', v: logCall(name, args, token.pos), pos: token.pos };
    else if (name.endsWith('scope.int') || name.startsWith('scope.'))
      return failAt(token.pos, `only scope.int is supported (\`${name}\`)`);
    else
      return failAt(
        token.pos,
        `function calls other than hp.*, scope.int and np.log are not supported (\`${name}(...)\`)`,
      );
    void open;
    return this.noTrailer(value);
  }

  private callArgs(fn: string): Args {
    const args: Args = { positional: [], keywords: [] };
    while (!this.isOp(')')) {
      const token = this.peek();
      if (this.isOp('*') || this.isOp('**'))
        failAt(token.pos, `argument unpacking (\`${token.text}\`) is not supported`);
      if (token.kind === 'name' && this.isOp('=', 1)) {
        this.next();
        this.next();
        args.keywords.push({ name: token.text, value: this.expression(), pos: token.pos });
      } else {
        if (args.keywords.length > 0)
          failAt(token.pos, `a positional argument of ${fn} follows a keyword argument`);
        args.positional.push(this.expression());
      }
      if (!this.isOp(')')) this.expectOp(',', `or \`)\` in the arguments of ${fn}`);
    }
    this.next();
    return args;
  }

  /** Items up to `close`, separated by commas (a trailing comma is allowed). */
  private items(close: string, what: string): Value[] {
    const items: Value[] = [];
    while (!this.isOp(close)) {
      if (this.isOp('*')) failAt(this.peek().pos, 'unpacking (`*`) is not supported');
      items.push(this.expression());
      if (!this.isOp(close)) this.expectOp(',', `or \`${close}\` in the ${what}`);
    }
    this.next();
    return items;
  }

  /** `( ... )`: a parenthesised value or a tuple. */
  private parenthesised(pos: Pos): Value {
    if (this.isOp(')')) {
      this.next();
      return { t: 'seq', tuple: true, items: [], pos };
    }
    const first = this.expression();
    if (this.isOp(')')) {
      this.next();
      return first;
    }
    this.expectOp(',', 'or `)` after the first item of the tuple');
    return { t: 'seq', tuple: true, items: [first, ...this.items(')', 'tuple')], pos };
  }

  private dict(pos: Pos): Value {
    const entries: [Value, Value][] = [];
    while (!this.isOp('}')) {
      if (this.isOp('**')) failAt(this.peek().pos, 'dict unpacking (`**`) is not supported');
      const key = this.expression();
      if (!this.isOp(':')) {
        if (entries.length === 0 && (this.isOp(',') || this.isOp('}')))
          failAt(key.pos, 'sets are not supported');
        this.unexpected(this.peek(), 'expected `:` after the dict key');
      }
      this.next();
      entries.push([key, this.expression()]);
      if (!this.isOp('}')) this.expectOp(',', 'or `}` in the dict');
    }
    this.next();
    return { t: 'dict', entries, pos };
  }
}

/**
 * Reads a Hyperopt space written in Python into a validated space document.
 *
 * @throws PythonImportError naming the unsupported construct or the invalid expression, with its
 *   line and column.
 */
export function parsePythonSpace(text: string): SpaceDocument {
  const parser = new Parser(tokenize(text));
  const value = parser.program();
  const space = toNode(value);
  try {
    return toSpaceDocument(compileSpace(space));
  } catch (error) {
    if (!(error instanceof SpaceError)) throw error;
    const positions = error.label === null ? undefined : parser.labels.get(error.label);
    const pos = error.problem.startsWith('duplicate label')
      ? positions?.[positions.length - 1]
      : positions?.[0];
    throw new PythonImportError(error.message, pos?.line, pos?.column);
  }
}
