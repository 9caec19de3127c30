import { describe, expect, it } from 'vitest';
import { hp, parseSpaceDocument, scope, toSpaceDocument, type SpaceNode } from '../../core';
import { compileObjective } from '../../runtime/objective/compile';
import { ALGORITHMS } from '../settings/settingsModel';
import { LESSONS, findLesson } from './catalog';
import { isControlId } from './controls';
import { draftAt, toDraft } from './model';

/** A space module run as the sandbox runs it (sucrase, then `hyperopt` as core's hp and scope). */
function spaceOf(source: string, language: 'typescript' | 'javascript'): SpaceNode {
  const module = { exports: {} as { default?: SpaceNode } };
  const hyperopt = { __esModule: true, hp, scope };
  new Function('module', 'exports', 'require', compileObjective(source, language).code)(
    module,
    module.exports,
    () => hyperopt,
  );
  return module.exports.default!;
}

describe('the shipped lessons', () => {
  it('have unique ids, a first step with an example, and only known controls', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(LESSONS.map((l) => l.id)).toEqual([
      'search-space',
      'random-vs-tpe',
      'choice-index',
      'parallelism',
      'early-stopping',
    ]);
    for (const lesson of LESSONS) {
      expect(findLesson(lesson.id)).toBe(lesson);
      expect(lesson.steps[0]?.draft, lesson.id).toBeDefined();
      expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
      const ids = [
        ...(lesson.hide ?? []),
        ...lesson.steps.flatMap((s) => [...(s.hide ?? []), ...(s.highlight ?? [])]),
      ];
      for (const id of ids) expect(isControlId(id), `${lesson.id}: ${id}`).toBe(true);
      // A lesson asks for at least one run, and says what to see after it.
      expect(
        lesson.steps.some((s) => (s.run?.outcome.length ?? 0) > 20),
        lesson.id,
      ).toBe(true);
    }
  });

  it("decode every step's draft, whose space parses and whose objective compiles", () => {
    for (const lesson of LESSONS) {
      lesson.steps.forEach((step, i) => {
        const draft = toDraft(draftAt(lesson, i), 4);
        const what = `${lesson.id} step ${i + 1}`;
        // decodeDraft drops settings it does not accept: what the lesson asked for must survive.
        for (const [key, value] of Object.entries(draftAt(lesson, i).settings))
          expect(draft.settings[key as keyof typeof draft.settings], `${what}: ${key}`).toBe(value);
        expect(
          ALGORITHMS.some((a) => a.value === draft.settings.algo),
          what,
        ).toBe(true);
        const space = parseSpaceDocument(toSpaceDocument(spaceOf(draft.space, draft.settings.language)));
        expect(space.params.length, what).toBeGreaterThan(0);
        expect(() => compileObjective(draft.objective, draft.settings.language), what).not.toThrow();
      });
    }
  });

  it('loads the nearest earlier example on steps without one', () => {
    const lesson = findLesson('random-vs-tpe')!;
    expect(draftAt(lesson, 0).settings.algo).toBe('rand');
    expect(draftAt(lesson, 1).settings.algo).toBe('tpe');
    expect(draftAt(lesson, 2).settings.algo).toBe('tpe');
  });
});
