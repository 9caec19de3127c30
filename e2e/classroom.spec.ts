import { deflateRawSync } from 'node:zlib';
import { seriousViolations } from './axeHelpers';
import { test, expect } from './fixtures';
import { freshPage } from './freshPage';
import { configure, editor, openApp } from './runtimeHelpers';

test('a classroom link opens a lesson with chosen controls hidden; Next, Back and the run it asks for', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  await openApp(page);
  await page.getByRole('button', { name: 'Classroom' }).click();
  const dialog = page.getByRole('dialog', { name: 'Classroom link' });
  await dialog.getByRole('checkbox', { name: 'Settings' }).check();
  await dialog.getByRole('checkbox', { name: 'Examples' }).check();
  await dialog.getByLabel('Lesson').selectOption({ label: 'The choice-index surprise' });
  await dialog.getByRole('button', { name: 'Make classroom link' }).click();
  const link = await dialog.getByRole('textbox', { name: 'Classroom link' }).inputValue();
  expect(link).toMatch(/#p=2\./);
  expect(link.length).toBeLessThan(2000);
  await expect(dialog.getByRole('status')).toContainText('It opens the lesson “The choice-index surprise”');
  expect(await seriousViolations(page, 'dialog')).toEqual([]);

  const { context: fresh, page: other, errors } = await freshPage(browser);
  await other.goto(link);
  await expect(other.getByRole('status', { name: 'Sandbox status' })).toHaveText('Sandbox ready');
  const lesson = other.getByRole('region', { name: 'Lesson' });
  await expect(lesson).toContainText('The choice-index surprise');
  await expect(lesson).toContainText('Step 1 of 3');
  await expect(lesson).toContainText('Hidden for this class: Settings, Examples.');
  await expect(editor(other, 'Search space')).toContainText("hp.choice('model'");
  // The hidden controls are not on the page.
  await expect(other.getByRole('region', { name: 'Settings' })).toHaveCount(0);
  await expect(other.getByLabel('Max evals')).toHaveCount(0);
  await expect(other.getByRole('button', { name: 'Examples' })).toHaveCount(0);

  await expect(lesson.getByRole('button', { name: 'Back' })).toBeDisabled();
  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson).toContainText('Step 2 of 3');
  await lesson.getByRole('button', { name: 'Back' }).click();
  await expect(lesson).toContainText('Step 1 of 3');
  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson).toContainText('This step waits for a run');
  await other.getByRole('button', { name: 'Run' }).click();
  const outcome = lesson.getByRole('status', { name: 'Step outcome' });
  await expect(outcome).toContainText('Run ended: 60 trials', { timeout: 30_000 });
  await expect(outcome).toContainText('argmin says "model": 0 or 1');
  const best = other.getByRole('region', { name: 'Best trial' });
  await expect(best.getByLabel('argmin', { exact: true })).toContainText('"model"');
  await expect(best.getByLabel('spaceEval of argmin')).toContainText('"kind"');

  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson).toContainText('Step 3 of 3');
  await expect(lesson.getByRole('button', { name: 'Next' })).toBeDisabled();
  await lesson.getByRole('button', { name: 'End lesson' }).click();
  await expect(other.getByRole('region', { name: 'Lesson' })).toHaveCount(0);
  await expect(other.getByRole('region', { name: 'Settings' })).toBeVisible();
  expect(errors).toEqual([]);
  await fresh.close();
});

const classroomFragment = (value: unknown) =>
  `#p=2.${deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64url')}`;

for (const [name, value, message] of <[string, unknown, string][]>[
  ['an unknown lesson', { lesson: 'astrology', hide: [] }, 'is not one this page has'],
  ['an unknown control', { lesson: 'early-stopping', hide: ['admin'] }, 'a control this page does not have'],
]) {
  test(`a classroom link with ${name} shows a clear message and changes nothing`, async ({ page }) => {
    await openApp(page);
    await configure(page, '// kept\nexport default () => 1;', { language: 'JavaScript', maxEvals: 9 });
    await page.goto(`/${classroomFragment(value)}`);
    const problem = page.getByRole('alert', { name: 'Link problem' });
    await expect(problem).toContainText(message);
    await expect(problem).toContainText('Nothing was changed.');
    await expect(editor(page, 'Objective')).toContainText('// kept');
    await expect(page.getByLabel('Max evals')).toHaveValue('9');
    await expect(page.getByRole('region', { name: 'Lesson' })).toHaveCount(0);
  });
}

test('the Learn view lists the lessons; starting one opens it in the playground', async ({ page }) => {
  await page.goto('/?view=learn&topic=lessons');
  await page.getByRole('link', { name: 'Start lesson: Early stopping' }).click();
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson).toContainText('Early stopping');
  await expect(lesson).toContainText('Step 1 of 3');
  await expect(page.getByLabel('Early stop after (trials)')).toHaveValue('20');
  await expect(page.getByRole('region', { name: 'Settings' })).toHaveClass(/lesson-highlight/);
  expect(new URL(page.url()).search).toBe('');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page, '.region-lesson')).toEqual([]);
  }
});

test("a classroom link opened over the user's own code asks first, then opens the lesson", async ({
  page,
}) => {
  await openApp(page);
  await configure(page, '// my own work\nexport default () => 1;', { language: 'JavaScript' });
  await page.goto(`/${classroomFragment({ lesson: 'early-stopping', hide: ['settings'] })}`);
  const offer = page.getByRole('region', { name: 'Shared playground' });
  await expect(offer).toContainText('It opens the lesson “Early stopping”. It hides: Settings.');
  await expect(editor(page, 'Objective')).toContainText('// my own work');
  await offer.getByRole('button', { name: 'Open shared playground' }).click();
  await expect(page.getByRole('region', { name: 'Lesson' })).toContainText('Step 1 of 3');
  await expect(page.getByRole('region', { name: 'Settings' })).toHaveCount(0);
  await expect(editor(page, 'Objective')).toContainText('(p.x - 3) ** 2');
  await page.getByRole('button', { name: 'Restore previous code' }).click();
  await expect(editor(page, 'Objective')).toContainText('// my own work');
});
