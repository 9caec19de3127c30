import type { ReactNode } from 'react';
import { useNavigation } from '../../nav/navigation';
import { formatRoute, type Route } from '../../nav/route';

/** The route of a run's page. */
export const runRoute = (id: string): Route => ({ view: 'run', params: { id } });

/** A real link to a route (opens in a new tab too), followed in place on a plain click. */
export function RouteLink({ route, children }: { route: Route; children: ReactNode }) {
  const { navigate } = useNavigation();
  return (
    <a
      href={formatRoute(route)}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        navigate(route);
      }}
    >
      {children}
    </a>
  );
}

/** A link to a run's page. */
export function RunLink({ id, children }: { id: string; children: ReactNode }) {
  return <RouteLink route={runRoute(id)}>{children}</RouteLink>;
}
