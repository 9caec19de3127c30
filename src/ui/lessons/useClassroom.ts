import { useCallback, useEffect, useState } from 'react';
import { useNavigation } from '../nav/navigation';
import { PLAYGROUND } from '../nav/route';
import { useRuntime } from '../runtime/runtimeContext';
import type { Workspace } from '../run/useWorkspace';
import type { Classroom } from '../share/shareCodec';
import type { ControlId } from './controls';
import { toDraft, type Lesson } from './model';

export interface ClassroomSession {
  lesson?: Lesson;
  /** Hidden for the whole session (the link's choice and the lesson's own). */
  hide: readonly ControlId[];
  step: number;
  /** The run that was current when the step was entered: a step's run is a later one. */
  runBefore: number | undefined;
}

/**
 * The classroom state of the playground: which lesson, which step, which controls are hidden. It
 * starts from a classroom link (`begin`) or from `?view=playground&lesson=<id>` (the Learn view's
 * lessons list), and ends with `end` (every control shows again).
 */
export function useClassroom(w: Workspace) {
  const runtime = useRuntime();
  const { route, navigate } = useNavigation();
  const [session, setSession] = useState<ClassroomSession | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const { replaceDraft, cores } = w;
  const currentRun = useCallback(() => runtime.getState().run?.runId, [runtime]);

  /** Starts a session (the link's draft is loaded by the caller). Undefined ends any session. */
  const begin = useCallback(
    (classroom: Classroom | undefined) => {
      setProblem(undefined);
      if (classroom === undefined) return setSession(undefined);
      const hide = [...new Set([...classroom.hide, ...(classroom.lesson?.hide ?? [])])];
      setSession({ lesson: classroom.lesson, hide, step: 0, runBefore: currentRun() });
    },
    [currentRun],
  );

  /** Shows step `index` of the lesson, loading its example if it has one. */
  const goTo = useCallback(
    (index: number) => {
      const lesson = session?.lesson;
      if (session === undefined || lesson === undefined) return;
      const step = lesson.steps[index];
      if (step === undefined) return;
      if (step.draft !== undefined)
        replaceDraft(toDraft(step.draft, cores), `step ${index + 1} of the lesson`, false);
      setSession({ ...session, step: index, runBefore: currentRun() });
    },
    [session, replaceDraft, cores, currentRun],
  );

  const lessonParam = route.view === 'playground' ? route.params['lesson'] : undefined;
  useEffect(() => {
    if (lessonParam === undefined) return;
    let cancelled = false;
    void import('./catalog').then(({ findLesson }) => {
      if (cancelled) return;
      navigate(PLAYGROUND, { replace: true });
      const lesson = findLesson(lessonParam);
      if (lesson === undefined) {
        setProblem(`There is no lesson “${lessonParam.slice(0, 60)}”. Nothing was changed.`);
        return;
      }
      replaceDraft(toDraft(lesson.steps[0]!.draft!, cores), `the lesson “${lesson.title}”`);
      begin({ lesson, hide: [] });
    });
    return () => {
      cancelled = true;
    };
    // Started once per lesson parameter; the callbacks' identities do not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lessonParam]);

  const step = session?.lesson?.steps[session.step];
  const hidden = new Set<ControlId>([...(session?.hide ?? []), ...(step?.hide ?? [])]);
  const highlighted = new Set<ControlId>(step?.highlight ?? []);
  return {
    session,
    problem,
    dismissProblem: () => setProblem(undefined),
    hidden,
    highlighted,
    begin,
    goTo,
    end: () => begin(undefined),
  };
}

export type ClassroomState = ReturnType<typeof useClassroom>;
