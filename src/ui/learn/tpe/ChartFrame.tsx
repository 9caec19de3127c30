import { useId, type ReactNode } from 'react';

/** An SVG chart as an image with a title (its accessible name) and a description of what it shows. */
export function ChartFrame({
  width,
  height,
  title,
  description,
  children,
}: {
  width: number;
  height: number;
  title: string;
  description: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    // Focusable: on a phone the figure scrolls sideways, and keyboards must reach that too.
    <figure className="tpe-figure" tabIndex={0}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}t`}
        aria-describedby={`${id}d`}
        className="tpe-svg"
      >
        <title id={`${id}t`}>{title}</title>
        <desc id={`${id}d`}>{description}</desc>
        {children}
      </svg>
    </figure>
  );
}
