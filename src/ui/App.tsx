import { lazy, Suspense, useCallback, useMemo } from 'react';
import type { Run } from '../tracking';
import type { Draft } from './draft/draft';
import { Header } from './layout/Header';
import { NavigationContext, type Navigation } from './nav/navigation';
import { PLAYGROUND } from './nav/route';
import { useRoute } from './nav/useRoute';
import { PlaygroundView } from './PlaygroundView';
import { useWorkspace } from './run/useWorkspace';

// Views other than the playground load on first visit: the first page stays small.
const HistoryView = lazy(() => import('./history/HistoryView'));
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
