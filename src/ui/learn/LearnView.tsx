import { Suspense, useCallback, useMemo } from 'react';
import { Region } from '../layout/Region';
import { useNavigation } from '../nav/navigation';
import { formatRoute, type Route } from '../nav/route';
import { findTopic, TOPICS } from './topics';
import './learn.css';

const topicRoute = (id: string, params: Readonly<Record<string, string>> = {}): Route => ({
  view: 'learn',
  params: { ...params, topic: id },
});

/** Teaching views: a list of topics and the selected one (`?view=learn&topic=<id>`). */
export default function LearnView() {
  const { route, navigate } = useNavigation();
  const topicId = route.params['topic'];
  const topic = findTopic(topicId);
  const params = useMemo(() => {
    const { topic: _topic, ...rest } = route.params;
    return rest;
  }, [route.params]);
  const setParams = useCallback(
    (patch: Readonly<Record<string, string | undefined>>) => {
      if (topic === undefined) return;
      const merged: Record<string, string | undefined> = { ...params, ...patch };
      const next: Record<string, string> = {};
      for (const [key, value] of Object.entries(merged)) if (value !== undefined) next[key] = value;
      navigate(topicRoute(topic.id, next), { replace: true });
    },
    [topic, params, navigate],
  );
  return (
    <main className="learn-view">
      <nav className="learn-topics" aria-label="Topics">
        <h2>Learn</h2>
        <ul>
          {TOPICS.map((t) => (
            <li key={t.id}>
              <a
                href={formatRoute(topicRoute(t.id))}
                aria-current={t.id === topic?.id ? 'page' : undefined}
                onClick={(event) => {
                  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  navigate(topicRoute(t.id));
                }}
              >
                {t.title}
              </a>
              <span className="learn-topic-description">{t.description}</span>
            </li>
          ))}
        </ul>
      </nav>
      {topic === undefined ? (
        <Region title="Choose a topic" className="learn-topic">
          <p className="muted">
            {topicId === undefined
              ? 'Each topic shows one idea of hyperparameter search with real runs you can step through.'
              : `There is no topic "${topicId}". Choose one from the list.`}
          </p>
        </Region>
      ) : (
        <Region title={topic.title} className="learn-topic">
          <Suspense fallback={<p className="muted">Loading the topic…</p>}>
            <topic.component key={topic.id} params={params} setParams={setParams} />
          </Suspense>
        </Region>
      )}
    </main>
  );
}
