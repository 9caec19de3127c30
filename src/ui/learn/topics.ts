/**
 * The Learn view's topics. Adding one is one entry here: an id (its URL, `?view=learn&topic=<id>`), a
 * title, a one-line description for the list, and the lazily loaded component that shows it (a
 * default export taking {@link TopicProps}), so each topic is its own chunk.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface TopicProps {
  /** The route's parameters other than `topic` (a topic keeps its own state there, e.g. `trial`). */
  params: Readonly<Record<string, string>>;
  /** Merges `patch` into the topic's parameters (undefined removes one); replaces the history entry. */
  setParams: (patch: Readonly<Record<string, string | undefined>>) => void;
}

export interface Topic {
  id: string;
  title: string;
  description: string;
  component: LazyExoticComponent<ComponentType<TopicProps>>;
}

const topic = (
  id: string,
  title: string,
  description: string,
  load: () => Promise<{ default: ComponentType<TopicProps> }>,
): Topic => ({ id, title, description, component: lazy(load) });

// One line per topic (kept unwrapped so adding one is a one-line change).
// prettier-ignore
export const TOPICS: readonly Topic[] = [
  topic('tpe-explain', 'How TPE chose this', 'Step through a TPE run: the good/bad split, l(x) and g(x), the candidates and the winner.', () => import('./tpe/TpeExplainTopic')),
  topic('parallelism', 'Parallelism versus adaptivity', 'Run one search at parallelism 1 to 16 over many seeds: how much faster, and how much worse?', () => import('./lab/ParallelLabTopic')),
  topic('race', 'Algorithm race', 'Random, anneal, TPE (faithful and improved) and mix on the same seeds: ranks and the spread of final losses.', () => import('./race/RaceTopic')),
  topic('python', 'Python and the cluster', 'Read a Hyperopt space written in Python, and take an example to a Spark cluster as a script.', () => import('./python/PythonTopic')),
  topic('lessons', 'Lessons', 'Guided, step-by-step lessons in the playground: search spaces, random vs TPE, the choice index, parallelism, early stopping.', () => import('../lessons/LessonsTopic')),
];

export function findTopic(id: string | undefined): Topic | undefined {
  return TOPICS.find((t) => t.id === id);
}
