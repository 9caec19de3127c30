import { useId, useState } from 'react';
import type { Draft } from '../draft/draft';
import { copyLink, pageLink, withSeed } from './linkText';

type Shared = { link: string; note: string } | { error: string };

/** Share: the playground as a link (compressed into the fragment), copied and shown in a field. */
export function ShareButton({ draft }: { draft: Draft }) {
  const [shared, setShared] = useState<Shared | undefined>(undefined);
  const fieldId = useId();
  const share = async () => {
    const codec = await import('./shareCodec');
    // A link reproduces the run only with a seed: one is fixed in the link when the draft has none.
    const seeded = withSeed(draft);
    const link = pageLink(codec.encodeShareFragment(seeded.draft));
    if (link.length > codec.MAX_LINK_CHARS) {
      setShared({
        error: `This playground makes a link of ${link.length} characters, over the ${codec.MAX_LINK_CHARS} that links carry safely; shorten the code, or export the run from History.`,
      });
      return;
    }
    const copied = await copyLink(link);
    const seedNote = seeded.fixed ? ` The link fixes seed ${seeded.seed}.` : '';
    setShared({
      link,
      note: `${copied ? 'Link copied.' : 'Copy the link from the field.'} ${link.length} characters.${seedNote}`,
    });
  };
  return (
    <div className="share">
      <button type="button" onClick={() => void share()}>
        Share
      </button>
      {shared !== undefined && 'link' in shared && (
        <span className="share-out">
          <label htmlFor={fieldId} className="inline-label">
            Share link
          </label>{' '}
          <input id={fieldId} readOnly value={shared.link} onFocus={(e) => e.currentTarget.select()} />{' '}
          <span role="status" className="hint">
            {shared.note}
          </span>
        </span>
      )}
      {shared !== undefined && 'error' in shared && (
        <span role="alert" className="error">
          {shared.error}
        </span>
      )}
    </div>
  );
}
