import { formatRoute, NAV_ITEMS } from './route';
import { useNavigation } from './navigation';

/** The app's main navigation: real links (open in a new tab works), handled in place on click. */
export function NavTabs() {
  const { route, navigate } = useNavigation();
  return (
    <nav className="app-nav" aria-label="Main">
      {NAV_ITEMS.map((item) => {
        const target = { view: item.view, params: {} };
        const current = route.view === item.view || item.also.includes(route.view);
        return (
          <a
            key={item.view}
            href={formatRoute(target) || window.location.pathname}
            aria-current={current ? 'page' : undefined}
            onClick={(event) => {
              if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              navigate(target);
            }}
          >
            {item.label}
          </a>
        );
      })}
    </nav>
  );
}
