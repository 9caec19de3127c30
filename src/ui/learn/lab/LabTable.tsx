/** The table frame the lab and the race share: a scrollable region, a caption, a name column then numbers. */
import type { ReactNode } from 'react';
import { sig3 } from './tradeOff';

export function LabTable({
  label,
  caption,
  nameHeader,
  numberHeaders,
  children,
}: {
  label: string;
  caption: ReactNode;
  nameHeader: string;
  numberHeaders: readonly ReactNode[];
  children: ReactNode;
}) {
  return (
    // Focusable, so that a keyboard can scroll the table sideways on a narrow screen.
    <div className="lab-table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="lab-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            {numberHeaders.map((header, i) => (
              <th key={i} scope="col" className="num">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A row's header: its colour swatch (as in the charts) and its name. */
export function SwatchHeader({ color, name }: { color: string; name: string }) {
  return (
    <th scope="row">
      <span className="lab-swatch" style={{ background: color }} aria-hidden="true" />
      {name}
    </th>
  );
}

/** The interquartile range of a loss, as "q25 – q75". */
export function RangeCell({ q25, q75 }: { q25: number; q75: number }) {
  return (
    <td className="num range">
      {sig3(q25)}
      {'\u00a0– '}
      {sig3(q75)}
    </td>
  );
}
