import { useId, type ReactNode } from 'react';

/** A labelled landmark region of the page; `empty` explains what will appear and why it is empty. */
export function Region({
  title,
  className,
  empty,
  children,
}: {
  title: string;
  className: string;
  empty?: ReactNode;
  children?: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className={`region ${className}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children ?? <p className="empty-state">{empty}</p>}
    </section>
  );
}
