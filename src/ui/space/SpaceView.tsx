import { memo, useMemo } from 'react';
import type { CompiledSpace, SpaceNode } from '../../core';
import { PRIOR_SAMPLES, describeOption, summarizeSpace, type ParamSummary } from './spaceModel';

/** A small bar chart of prior samples (inline SVG: no chart library on the first load). */
function Histogram({ summary }: { summary: ParamSummary }) {
  const { counts, labels, active } = summary.histogram;
  const top = Math.max(1, ...counts);
  const width = 160;
  const height = 36;
  const bar = width / counts.length;
  const categorical = summary.kind === 'choice' || summary.kind === 'pchoice';
  return (
    <figure className="histogram">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Histogram of ${active} prior samples of ${summary.label}`}
      >
        {counts.map((count, i) => (
          <rect
            key={i}
            x={i * bar + 0.5}
            width={Math.max(1, bar - 1)}
            y={height - (count / top) * height}
            height={(count / top) * height}
          >
            <title>{categorical ? `${labels[i]}: ${count}` : String(count)}</title>
          </rect>
        ))}
      </svg>
      <figcaption className="muted">
        {categorical ? labels.join(' · ') : `${labels[0]} … ${labels[1]}`}
        {active < PRIOR_SAMPLES && ` · active in ${active} of ${PRIOR_SAMPLES}`}
      </figcaption>
    </figure>
  );
}

/** The space's structure: dicts, lists and hp expressions, with each choice's options as branches. */
function Tree({ node, name }: { node: SpaceNode; name: string }) {
  if (node === null || typeof node !== 'object') {
    return (
      <li>
        <span className="tree-key">{name}</span> {JSON.stringify(node)}
      </li>
    );
  }
  if (Array.isArray(node) || !('$hp' in node)) {
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    return (
      <li>
        <span className="tree-key">{name}</span>
        <ul>
          {entries.map(([key, child]) => (
            <Tree key={key} node={child} name={key} />
          ))}
        </ul>
      </li>
    );
  }
  const expr = node as Record<string, unknown> & { $hp: string };
  if (expr.$hp === 'choice' || expr.$hp === 'pchoice') {
    const options = (expr['options'] as SpaceNode[] | { value: SpaceNode }[]).map((o) =>
      expr.$hp === 'pchoice' ? (o as { value: SpaceNode }).value : (o as SpaceNode),
    );
    return (
      <li>
        <span className="tree-key">{name}</span> <code>hp.{expr.$hp}</code> &lsquo;{String(expr['label'])}
        &rsquo;
        <ul>
          {options.map((option, i) => (
            <Tree key={i} node={option} name={`option ${i}: ${describeOption(option)}`} />
          ))}
        </ul>
      </li>
    );
  }
  if (expr.$hp === 'int') return <Tree node={expr['arg'] as SpaceNode} name={`${name} (scope.int)`} />;
  return (
    <li>
      <span className="tree-key">{name}</span> <code>hp.{expr.$hp}</code> &lsquo;{String(expr['label'])}
      &rsquo;
    </li>
  );
}

/** The live view of the space: each parameter with its prior, and the conditional structure. */
export const SpaceView = memo(function SpaceView({ space }: { space: CompiledSpace }) {
  const summaries = useMemo(() => summarizeSpace(space), [space]);
  return (
    <div className="space-view">
      <h3>Parameters ({summaries.length})</h3>
      <ul className="param-list" aria-label="Parameters">
        {summaries.map((s) => (
          <li key={s.label} aria-label={`Parameter ${s.label}`}>
            <div>
              <strong>{s.label}</strong> <span className="muted">{s.distribution}</span>
            </div>
            {s.condition !== '' && <div className="muted">active when {s.condition}</div>}
            <Histogram summary={s} />
          </li>
        ))}
      </ul>
      <h3>Structure</h3>
      <ul className="space-tree" aria-label="Space structure">
        <Tree node={space.root} name="space" />
      </ul>
    </div>
  );
});
