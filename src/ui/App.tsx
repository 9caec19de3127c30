import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import type { Run } from '../tracking';
import type { Draft } from './draft/draft';
import { Header } from './layout/Header';
import { NavigationContext, type Navigation } from './nav/navigation';
import { PLAYGROUND } from './nav/route';
import { useRoute } from './nav/useRoute';
import { PlaygroundView } from './PlaygroundView';
import { useWorkspace } from './run/useWorkspace';
import type HistoryViewType from './history/HistoryView';

// Views other than the playground load on first visit: the first page stays small.
// History's chunk loads when the page is idle (below). Once it has, the lazy component gets the
// module synchronously: a promise, even a settled one, suspends for a tick, and React then holds
// the fallback for its reveal throttle (~300 ms) before showing the view.
type HistoryModule = { default: typeof HistoryViewType };
let historyModule: HistoryModule | undefined;
const loadHistory = () => import('./history/HistoryView').then((m) => (historyModule = m));
const HistoryView = lazy(() => {
  const loaded = historyModule;
  if (loaded === undefined) return loadHistory();
  return {
    then: (resolve: (m: HistoryModule) => void) => resolve(loaded),
  } as unknown as Promise<HistoryModule>;
});
const CompareView = lazy(() => import('./history/compare/CompareView'));
const RunPage = lazy(() => import('./history/run/RunPage'));
const LearnView = lazy(() => import('./learn/LearnView'));

/**
 * The app shell: header, navigation and the current view. The playground stays mounted while other
 * views show, so a run keeps going (and its charts keep their state) while the user browses.
 */
export function App() {
  const w = useWorkspace();
  const [route, navigate] = useRoute();
  const { replaceDraft } = w;
  const openInPlayground = useCallback(
    (draft: Draft, what: string) => {
      replaceDraft(draft, what);
      navigate(PLAYGROUND);
    },
    [replaceDraft, navigate],
  );
  const { resume } = w;
  const resumeRun = useCallback(
    async (run: Run, maxEvals: number) => {
      await resume(run, maxEvals);
      navigate(PLAYGROUND);
    },
    [resume, navigate],
  );
  const navigation = useMemo<Navigation>(
    () => ({ route, navigate, openInPlayground, resumeRun }),
    [route, navigate, openInPlayground, resumeRun],
  );
  // History is where users go next: its chunk loads once the page is idle, so it opens at once.
  useEffect(() => {
    const load = () => void loadHistory();
    if ('requestIdleCallback' in window) {
      const id = requestIdleCallback(load, { timeout: 5_000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(load, 2_000);
    return () => clearTimeout(id);
  }, []);
  const view = route.view;
  return (
    <NavigationContext.Provider value={navigation}>
      <div className="app">
        <Header />
        <PlaygroundView w={w} hidden={view !== 'playground'} />
        {view !== 'playground' && (
          <Suspense fallback={<p className="view-loading">Loading…</p>}>
            {view === 'history' && <HistoryView />}
            {view === 'run' && <RunPage />}
            {view === 'compare' && <CompareView />}
            {view === 'learn' && <LearnView />}
          </Suspense>
        )}
      </div>
    </NavigationContext.Provider>
  );
}
