import { createContext, useContext } from 'react';
import type { Run } from '../../tracking';
import type { Draft } from '../draft/draft';
import type { Route } from './route';

/** What any view may ask of the app shell: go somewhere, or load a draft into the playground. */
export interface Navigation {
  route: Route;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  /**
   * Puts a draft (e.g. a past run's space, objective and settings) in the playground and shows it;
   * the replaced draft is kept and offered back, never lost. `what` names it for that offer.
   */
  openInPlayground: (draft: Draft, what: string) => void;
  /**
   * Continues an ended run to a larger max evals in the same parent run, and shows the playground
   * (its Results follow the run). Rejects with a sentence when it cannot start.
   */
  resumeRun: (run: Run, maxEvals: number) => Promise<void>;
}

export const NavigationContext = createContext<Navigation | undefined>(undefined);

export function useNavigation(): Navigation {
  const value = useContext(NavigationContext);
  if (value === undefined) throw new Error('useNavigation must be used inside the App.');
  return value;
}
