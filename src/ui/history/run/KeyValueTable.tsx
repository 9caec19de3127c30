import { useId, type ReactNode } from 'react';

export interface KeyValueRow {
  key: string;
  cells: ReactNode[];
  /** Shown muted (system tags). */
  secondary?: boolean;
}

/** One titled part of the run page. */
export function RunSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="run-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/**
 * A small table of named values (params, metrics, tags). Everything in it is text: run content is
 * untrusted and never becomes markup.
 */
export function KeyValueTable({
  caption,
  columns,
  rows,
  empty,
}: {
  caption: string;
  columns: string[];
  rows: KeyValueRow[];
  /** Said instead of an empty table. */
  empty: string;
}) {
  if (rows.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <div className="table-wrap run-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="run-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.secondary ? 'secondary' : undefined}>
              <th scope="row">{row.key}</th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
