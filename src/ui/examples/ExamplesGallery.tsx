import { useId, useRef, useState } from 'react';
import { EXAMPLES, type Example } from './index';

/** A disclosure in the toolbar: the runnable examples, each opened with one button. */
export function ExamplesGallery({
  onOpen,
  disabled,
}: {
  onOpen: (example: Example) => void;
  disabled: boolean;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  return (
    <div
      className="gallery"
      onKeyDown={(event) => {
        // Escape closes the gallery and gives the keyboard back to its button.
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Examples
      </button>
      {open && (
        <section id={panelId} className="gallery-panel" aria-label="Examples gallery">
          <ul>
            {EXAMPLES.map((example) => (
              <li key={example.id}>
                <h3>{example.title}</h3>
                <p className="hint">{example.summary}</p>
                <button
                  type="button"
                  disabled={disabled}
                  aria-label={`Open ${example.title}`}
                  onClick={() => {
                    onOpen(example);
                    setOpen(false);
                  }}
                >
                  Open
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
