import type { TopicProps } from '../learn/topics';
import { useNavigation } from '../nav/navigation';
import { formatRoute, type Route } from '../nav/route';
import { LESSONS } from './catalog';
import './lessons.css';

const lessonRoute = (id: string): Route => ({ view: 'playground', params: { lesson: id } });

/** The Learn view's list of guided lessons; each starts in the playground (its draft replaces the code, kept to restore). */
export default function LessonsTopic(_: TopicProps) {
  const { navigate } = useNavigation();
  return (
    <div className="lessons-topic">
      <p>
        Each lesson opens in the playground with its own example, and says step by step what to press and what
        to look for. Your own code is kept, to restore. Teaching a class? The Classroom button beside Share
        makes a link to a lesson with the controls you choose hidden.
      </p>
      <ol className="lessons-list">
        {LESSONS.map((lesson) => (
          <li key={lesson.id}>
            <h3>{lesson.title}</h3>
            <p>
              {lesson.summary} <span className="muted">({lesson.steps.length} steps)</span>
            </p>
            <a
              href={formatRoute(lessonRoute(lesson.id))}
              onClick={(event) => {
                if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                navigate(lessonRoute(lesson.id));
              }}
            >
              Start lesson: {lesson.title}
            </a>
          </li>
        ))}
      </ol>
    </div>
  );
}
