import { useEffect, useRef, type ReactNode } from 'react';
import './python.css';

/**
 * A modal dialog (the native <dialog>: focus moves in, Escape closes, focus returns to the button
 * that opened it), with a title and a Close button.
 */
export function PythonDialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="python-dialog"
      aria-label={title}
      onClose={onClose}
      // Escape closes the dialog only; the page's Escape (stop the run) must not see it.
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.stopPropagation();
      }}
    >
      <div className="python-dialog-head">
        <h2>{title}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {open && children}
    </dialog>
  );
}
