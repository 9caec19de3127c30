/**
 * Guided lessons as plain data: a lesson is an id (it travels in classroom links), a title, and
 * steps. Each step has its text and may load a draft (space, objective, settings: the step's
 * example), point at controls, hide some, and ask for a run (then its `outcome` says what to see).
 */
import { DRAFT_VERSION, decodeDraft, type Draft } from '../draft/draft';
import { defaultSettings, type SettingsDraft } from '../settings/settingsModel';
import type { ControlId } from './controls';

/** A step's example: the code and the settings that differ from the defaults. */
export interface LessonDraft {
  space: string;
  objective: string;
  settings: Partial<SettingsDraft>;
}

export interface LessonStep {
  text: string;
  /** Loaded when the learner reaches this step (going forward or back). */
  draft?: LessonDraft;
  /** Controls outlined on this step. */
  highlight?: readonly ControlId[];
  /** Controls hidden on this step, beside the lesson's own. */
  hide?: readonly ControlId[];
  /** The step asks the learner to press Run; once a run started on this step ends, this shows. */
  run?: { outcome: string };
}

export interface Lesson {
  id: string;
  title: string;
  /** One line for the lessons list. */
  summary: string;
  /** Hidden for the whole lesson. */
  hide?: readonly ControlId[];
  /** The first step must have a draft: it is what the lesson opens with. */
  steps: readonly LessonStep[];
}

/** A lesson draft as the playground's Draft, through the one decode function of drafts. */
export function toDraft(draft: LessonDraft, cores: number): Draft {
  return decodeDraft(
    {
      version: DRAFT_VERSION,
      space: draft.space,
      objective: draft.objective,
      settings: { ...defaultSettings(cores), ...draft.settings },
    },
    cores,
  );
}

/** The draft in force at step `index`: the nearest step at or before it that loads one. */
export function draftAt(lesson: Lesson, index: number): LessonDraft {
  for (let i = Math.min(index, lesson.steps.length - 1); i >= 0; i--) {
    const draft = lesson.steps[i]!.draft;
    if (draft !== undefined) return draft;
  }
  throw new Error(`Lesson ${lesson.id} has no draft on its first step.`);
}
