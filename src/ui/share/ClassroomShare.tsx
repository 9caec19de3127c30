import { useEffect, useId, useState } from 'react';
import type { Draft } from '../draft/draft';
import { CONTROLS, type ControlId } from '../lessons/controls';
import type { Lesson } from '../lessons/model';
import { PythonDialog as Dialog } from '../python/PythonDialog';
import { copyLink, pageLink, withSeed } from './linkText';
import './classroom.css';
import type * as Codec from './shareCodec';

type Made = { link: string; note: string } | { error: string };
type Loaded = { codec: typeof Codec; lessons: readonly Lesson[] };

/** The dialog's form: controls to hide, a lesson (or this playground), and the link made from them. */
function ClassroomForm({ draft }: { draft: Draft }) {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [hide, setHide] = useState<readonly ControlId[]>([]);
  const [lessonId, setLessonId] = useState('');
  const [made, setMade] = useState<Made | undefined>(undefined);
  const lessonField = useId();
  const linkField = useId();
  useEffect(() => {
    let cancelled = false;
    void Promise.all([import('./shareCodec'), import('../lessons/catalog')]).then(([codec, catalog]) => {
      if (!cancelled) setLoaded({ codec, lessons: catalog.LESSONS });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (loaded === undefined) return <p className="muted">Loading the lessons…</p>;
  const { codec, lessons } = loaded;
  const lesson = lessons.find((l) => l.id === lessonId);

  const make = async () => {
    const seeded = withSeed(draft);
    const fragment = codec.encodeClassroomFragment(
      lesson === undefined ? { draft: seeded.draft } : { lesson: lesson.id },
      hide,
    );
    const link = pageLink(fragment);
    if (link.length > codec.MAX_LINK_CHARS) {
      setMade({
        error: `This playground makes a link of ${link.length} characters, over the ${codec.MAX_LINK_CHARS} that links carry safely; choose a lesson or shorten the code.`,
      });
      return;
    }
    const copied = await copyLink(link);
    const what = lesson === undefined ? 'this playground' : `the lesson “${lesson.title}”`;
    const seedNote = lesson === undefined && seeded.fixed ? ` It fixes seed ${seeded.seed}.` : '';
    setMade({
      link,
      note: `${copied ? 'Link copied.' : 'Copy the link from the field.'} It opens ${what}. ${link.length} characters.${seedNote}`,
    });
  };
  const toggle = (id: ControlId, on: boolean) => {
    setHide((h) => (on ? [...h, id] : h.filter((x) => x !== id)));
    setMade(undefined);
  };

  return (
    <div className="python-panel classroom-form">
      <p className="hint">
        A link for a class: it opens a guided lesson or this playground, with the controls you choose hidden.
        Learners can still show everything again; hiding only keeps the page simple.
      </p>
      <fieldset>
        <legend>Hide these controls</legend>
        {CONTROLS.map((c) => (
          <label key={c.id} className="inline-label">
            <input
              type="checkbox"
              checked={hide.includes(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />{' '}
            {c.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={lessonField}>Lesson</label>
      <select
        id={lessonField}
        value={lessonId}
        onChange={(e) => {
          setLessonId(e.target.value);
          setMade(undefined);
        }}
      >
        <option value="">None: this playground as it is</option>
        {lessons.map((l) => (
          <option key={l.id} value={l.id}>
            {l.title}
          </option>
        ))}
      </select>
      <p className="hint">{lesson?.summary ?? 'The link carries your space, objective and settings.'}</p>
      <p>
        <button type="button" className="primary" onClick={() => void make()}>
          Make classroom link
        </button>
      </p>
      {made !== undefined && 'link' in made && (
        <>
          <label htmlFor={linkField}>Classroom link</label>
          <input id={linkField} readOnly value={made.link} onFocus={(e) => e.currentTarget.select()} />
          <p role="status" className="hint">
            {made.note}
          </p>
        </>
      )}
      {made !== undefined && 'error' in made && (
        <p role="alert" className="error">
          {made.error}
        </p>
      )}
    </div>
  );
}

/** The toolbar's Classroom button: makes a link that hides chosen controls and may open a lesson. */
export function ClassroomShare({ draft }: { draft: Draft }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Classroom
      </button>
      <Dialog title="Classroom link" open={open} onClose={() => setOpen(false)}>
        <ClassroomForm draft={draft} />
      </Dialog>
    </>
  );
}
