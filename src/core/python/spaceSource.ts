/**
 * A space as source text: the `hp.*` expression that builds it, in Python (Hyperopt's syntax) or
 * in TypeScript (the playground's space module). One walker serves both; they differ only in
 * literal spelling, dict keys, the log function and what `hp.uniformint` may say.
 */
import type { HpExpr, SpaceNode } from '../space';
import { concat, group, render, type Doc } from './layout';
import { formatNumber, niceExp, quoteString, type TargetLanguage } from './literals';

/** Names the generated expression uses from outside `hp`, so the caller can import them. */
export interface SourceNeeds {
  /** `scope.int` (Python: `from hyperopt.pyll import scope`; TypeScript: from 'hyperopt'). */
  scope: boolean;
  /** `np.log` (Python only; TypeScript uses Math.log). */
  numpy: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

class Writer {
  readonly needs: SourceNeeds = { scope: false, numpy: false };
  constructor(private readonly language: TargetLanguage) {}

  private num(value: number): string {
    return formatNumber(value, this.language);
  }

  /** A log-space bound: `np.log(0.001)` when a short number gives exactly this bound. */
  private logBound(value: number): string {
    const v = niceExp(value);
    if (v === undefined) return this.num(value);
    if (this.language === 'typescript') return `Math.log(${this.num(v)})`;
    this.needs.numpy = true;
    return `np.log(${this.num(v)})`;
  }

  private call(name: string, args: Doc[]): Doc {
    return group(`${name}(`, args, ')', true);
  }

  private key(key: string): string {
    return this.language === 'typescript' && IDENTIFIER.test(key) ? key : quoteString(key);
  }

  node(node: SpaceNode): Doc {
    const py = this.language === 'python';
    if (node === null) return py ? 'None' : 'null';
    if (typeof node === 'boolean') return py ? (node ? 'True' : 'False') : String(node);
    if (typeof node === 'number') return this.num(node);
    if (typeof node === 'string') return quoteString(node);
    if (Array.isArray(node))
      return group(
        '[',
        node.map((item) => this.node(item)),
        ']',
      );
    if (Object.hasOwn(node, '$hp')) return this.expr(node as HpExpr);
    const entries = Object.entries(node as Record<string, SpaceNode>).map(([key, value]) =>
      concat(`${this.key(key)}: `, this.node(value)),
    );
    return group('{', entries, '}', false, !py);
  }

  private expr(expr: HpExpr): Doc {
    const label = 'label' in expr ? quoteString(expr.label) : '';
    const n = (value: number) => this.num(value);
    switch (expr.$hp) {
      case 'choice':
        return this.call('hp.choice', [
          label,
          group(
            '[',
            expr.options.map((o) => this.node(o)),
            ']',
          ),
        ]);
      case 'pchoice': {
        const [open, close] = this.language === 'python' ? ['(', ')'] : ['[', ']'];
        const pairs = expr.options.map((o) => group(open, [n(o.p), this.node(o.value)], close, true));
        return this.call('hp.pchoice', [label, group('[', pairs, ']')]);
      }
      case 'randint':
        return this.call(
          'hp.randint',
          expr.low === 0 ? [label, n(expr.high)] : [label, n(expr.low), n(expr.high)],
        );
      case 'uniform':
        return this.call('hp.uniform', [label, n(expr.low), n(expr.high)]);
      case 'loguniform':
        return this.call('hp.loguniform', [label, this.logBound(expr.low), this.logBound(expr.high)]);
      case 'quniform':
        return this.call('hp.quniform', [label, n(expr.low), n(expr.high), n(expr.q)]);
      case 'qloguniform':
        return this.call('hp.qloguniform', [
          label,
          this.logBound(expr.low),
          this.logBound(expr.high),
          n(expr.q),
        ]);
      case 'uniformint':
        if (this.language === 'typescript' || expr.q === 1) {
          const q = expr.q === 1 ? [] : [n(expr.q)];
          return this.call('hp.uniformint', [label, n(expr.low), n(expr.high), ...q]);
        }
        // Hyperopt's hp.uniformint always uses q = 1; this is what it stands for with another q.
        this.needs.scope = true;
        return this.call('scope.int', [
          this.call('hp.quniform', [label, n(expr.low), n(expr.high), n(expr.q)]),
        ]);
      case 'normal':
      case 'lognormal':
        return this.call(`hp.${expr.$hp}`, [label, n(expr.mu), n(expr.sigma)]);
      case 'qnormal':
      case 'qlognormal':
        return this.call(`hp.${expr.$hp}`, [label, n(expr.mu), n(expr.sigma), n(expr.q)]);
      case 'int':
        this.needs.scope = true;
        return this.call('scope.int', [this.node(expr.arg)]);
    }
  }
}

/** Layout of generated code: Black's and Prettier's widths and indents. */
const LAYOUT: Readonly<Record<TargetLanguage, { width: number; indent: string }>> = {
  python: { width: 88, indent: '    ' },
  typescript: { width: 100, indent: '  ' },
};

/**
 * The source of the expression that builds `space`, laid out to start after `prefix` on its line
 * (e.g. `space = `), and which names beyond `hp` it uses.
 */
export function spaceExpression(
  space: SpaceNode,
  language: TargetLanguage,
  prefix = '',
): { text: string; needs: SourceNeeds } {
  const writer = new Writer(language);
  const doc = writer.node(space);
  const text = render(doc, LAYOUT[language], 0, prefix.length, language === 'typescript' ? 1 : 0);
  return { text, needs: writer.needs };
}
