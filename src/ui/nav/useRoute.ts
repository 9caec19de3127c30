import { useCallback, useEffect, useRef, useState } from 'react';
import { formatRoute, parseRoute, sameRoute, type Route } from './route';

/**
 * The current route and a navigate function: pushState for new views (Back returns), replaceState
 * for refinements of the same view (a search box) so history does not fill with keystrokes.
 */
export function useRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.search));
  const current = useRef(route);

  useEffect(() => {
    const onPop = () => {
      current.current = parseRoute(window.location.search);
      setRoute(current.current);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: Route, options?: { replace?: boolean }) => {
    if (sameRoute(current.current, next)) return;
    current.current = next;
    // The fragment (a share link being opened) belongs to the page, not to the view.
    const url = `${window.location.pathname}${formatRoute(next)}${window.location.hash}`;
    if (options?.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setRoute(next);
  }, []);

  return [route, navigate];
}
