/**
 * Opening a share link: the fragment is decoded (codec loaded lazily), then removed from the address
 * bar so a reload does not open it again. A link never replaces the user's own work silently: with
 * a draft of their own, the link waits beside it until they choose; nothing runs until Run.
 */
import { useCallback, useEffect, useState } from 'react';
import type { OpenedLink } from './shareCodec';

export type Incoming = { kind: 'offer'; link: OpenedLink } | { kind: 'error'; message: string };

function clearFragment(): void {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

/**
 * @param onOpen opens a link at once (used when the user has no work of their own).
 * @param hasOwnWork whether the current draft is the user's own (then the link is offered instead).
 */
export function useShareLink(cores: number, hasOwnWork: () => boolean, onOpen: (link: OpenedLink) => void) {
  const [incoming, setIncoming] = useState<Incoming | undefined>(undefined);

  const read = useCallback(async () => {
    const hash = location.hash;
    if (!hash.startsWith('#p=')) return;
    const codec = await import('./shareCodec');
    clearFragment();
    try {
      const link = codec.decodeShareLink(hash, cores);
      if (hasOwnWork()) setIncoming({ kind: 'offer', link });
      else {
        setIncoming(undefined);
        onOpen(link);
      }
    } catch (error) {
      setIncoming({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [cores, hasOwnWork, onOpen]);

  useEffect(() => {
    void read();
    const onHash = () => void read();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
    // Read once on load and on each new fragment; later changes of the callbacks need no re-read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { incoming, dismiss: () => setIncoming(undefined) };
}
