/**
 * Which view the app shows, kept in the URL's query string (`?view=history`, `?view=run&id=…`) so
 * views can be bookmarked and Back works. The fragment stays free for share links. Each view reads
 * its own parameters from `params`; parsing here only whitelists the view name and keeps short,
 * plain parameter values.
 */

export const VIEWS = ['playground', 'history', 'run', 'compare', 'learn'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface Route {
  view: ViewName;
  /** The view's own parameters (e.g. a run id), as text. */
  params: Readonly<Record<string, string>>;
}

/** Longest parameter value accepted from a URL (a list of run ids fits comfortably). */
const MAX_PARAM_CHARS = 4_000;

export const PLAYGROUND: Route = { view: 'playground', params: {} };

const isView = (value: string | null): value is ViewName =>
  value !== null && (VIEWS as readonly string[]).includes(value);

/** The route of a query string; anything unknown is the playground. */
export function parseRoute(search: string): Route {
  const query = new URLSearchParams(search);
  const view = query.get('view');
  if (!isView(view)) return PLAYGROUND;
  const params: Record<string, string> = {};
  for (const [key, value] of query) {
    if (key !== 'view' && value.length <= MAX_PARAM_CHARS && !(key in params)) params[key] = value;
  }
  return { view, params };
}

/** The query string of a route ('' for the playground, so its URL stays the bare page). */
export function formatRoute(route: Route): string {
  if (route.view === 'playground' && Object.keys(route.params).length === 0) return '';
  const query = new URLSearchParams({ view: route.view });
  for (const [key, value] of Object.entries(route.params)) query.set(key, value);
  return `?${query.toString()}`;
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}

/** The tabs of the app's navigation; `run` and `compare` belong to History. */
export const NAV_ITEMS: readonly { view: ViewName; label: string; also: readonly ViewName[] }[] = [
  { view: 'playground', label: 'Playground', also: [] },
  { view: 'history', label: 'History', also: ['run', 'compare'] },
  { view: 'learn', label: 'Learn', also: [] },
];
