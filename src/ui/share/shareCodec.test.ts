import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exampleDraft } from '../draft/draft';
import { EXAMPLES } from '../examples';
import { LESSONS } from '../lessons/catalog';
import { CONTROLS } from '../lessons/controls';
import { draftAt, toDraft } from '../lessons/model';
import { ShareLinkError, decodeShareLink, encodeClassroomFragment, encodeShareFragment } from './shareCodec';

const ORIGIN = 'https://hyperopt-playground.example.org/';
const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** The sentence a refused link gets (the test fails if the link is accepted). */
function refused(hash: string): string {
  try {
    decodeShareLink(hash, 1);
  } catch (error) {
    expect(error).toBeInstanceOf(ShareLinkError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${hash.slice(0, 40)}`);
}

/** A fragment of `version` holding `value` as this page would write it. */
const fragment = (version: number, value: unknown) =>
  `#p=${version}.${b64url(deflateSync(new TextEncoder().encode(JSON.stringify(value))))}`;

describe('share links', () => {
  it('round-trip the whole playground', () => {
    const draft = exampleDraft(EXAMPLES[3], 4);
    draft.settings.seed = '123';
    expect(decodeShareLink(encodeShareFragment(draft), 4)).toEqual({ draft });
  });

  it('keep every example under 2,000 characters', () => {
    for (const example of EXAMPLES) {
      const link =
        ORIGIN +
        encodeShareFragment({
          ...exampleDraft(example, 8),
          settings: { ...exampleDraft(example, 8).settings, seed: '2147483647' },
        });
      expect(link.length, example.title).toBeLessThan(2000);
    }
  });

  it('refuse malformed, truncated, future-version and oversized links with a sentence', () => {
    const good = encodeShareFragment(exampleDraft(undefined, 1));
    expect(refused('#p=1.%%%')).toMatch(/damaged/);
    expect(refused(good.slice(0, good.length - 12))).toMatch(/incomplete|damaged/);
    expect(refused(good.replace('#p=1.', '#p=3.'))).toMatch(/newer version/);
    expect(refused('#p=abc')).toMatch(/no version/);
    expect(refused(`#p=1.${'A'.repeat(20_000)}`)).toMatch(/over the 16000/);
    // A small link that would inflate to megabytes stops at the limit.
    const bomb = deflateSync(new TextEncoder().encode(' '.repeat(5_000_000)), { level: 9 });
    expect(refused(`#p=1.${b64url(bomb)}`)).toMatch(/more than this app/);
    // Valid compression of something that is not a playground.
    expect(refused(`#p=1.${b64url(deflateSync(new TextEncoder().encode('{"version":1}')))}`)).toMatch(
      /does not hold a playground/,
    );
  });

  it('still read format 1 links (a bare draft), as pages of the previous version wrote them', () => {
    const draft = exampleDraft(EXAMPLES[1], 2);
    expect(decodeShareLink(fragment(1, draft), 2)).toEqual({ draft });
    expect(encodeShareFragment(draft).startsWith('#p=1.')).toBe(true);
  });
});

describe('classroom links', () => {
  it("round-trip a lesson with hidden controls, opening at the lesson's first example", () => {
    const lesson = LESSONS[2]!;
    const link = decodeShareLink(encodeClassroomFragment({ lesson: lesson.id }, ['settings', 'examples']), 4);
    expect(link.classroom).toEqual({ lesson, hide: ['settings', 'examples'] });
    expect(link.draft).toEqual(toDraft(draftAt(lesson, 0), 4));
  });

  it('round-trip a playground with hidden controls (duplicates dropped)', () => {
    const draft = exampleDraft(EXAMPLES[0], 4);
    const hash = encodeClassroomFragment({ draft }, ['algorithm', 'parallelism', 'algorithm']);
    expect(hash.startsWith('#p=2.')).toBe(true);
    expect(decodeShareLink(hash, 4)).toEqual({ draft, classroom: { hide: ['algorithm', 'parallelism'] } });
  });

  it('keep every shipped lesson, with every control hidden, under 2,000 characters', () => {
    for (const lesson of LESSONS) {
      const hash = encodeClassroomFragment(
        { lesson: lesson.id },
        CONTROLS.map((c) => c.id),
      );
      expect((ORIGIN + hash).length, lesson.id).toBeLessThan(2000);
      expect(decodeShareLink(hash, 1).classroom?.lesson).toBe(lesson);
    }
  });

  it('hide only controls of the whitelist', () => {
    const draft = exampleDraft(undefined, 1);
    expect(refused(fragment(2, { draft, hide: ['settings', 'admin'] }))).toMatch(
      /control this page does not have/,
    );
    expect(refused(fragment(2, { draft, hide: 'settings' }))).toMatch(/hidden controls is not valid/);
    expect(refused(fragment(2, { draft, hide: [{}] }))).toMatch(/control this page does not have/);
    const many = Array.from({ length: 20 }, () => 'settings');
    expect(refused(fragment(2, { draft, hide: many }))).toMatch(/hidden controls is not valid/);
  });

  it('refuse unknown lessons, both a lesson and a draft, neither, and future formats', () => {
    const draft = exampleDraft(undefined, 1);
    expect(refused(fragment(2, { lesson: 'astrology', hide: [] }))).toMatch(
      /lesson .*astrology.* is not one/,
    );
    expect(refused(fragment(2, { lesson: 7, hide: [] }))).toMatch(/is not one this page has/);
    expect(refused(fragment(2, { lesson: LESSONS[0]!.id, draft, hide: [] }))).toMatch(/both/);
    expect(refused(fragment(2, { hide: [] }))).toMatch(/does not hold a classroom/);
    expect(refused(fragment(2, [draft]))).toMatch(/does not hold a classroom/);
    expect(refused(fragment(2, { draft: { version: 1 }, hide: [] }))).toMatch(/does not hold a playground/);
    expect(refused(fragment(3, { lesson: LESSONS[0]!.id, hide: [] }))).toMatch(/newer version.*format 3/);
  });
});
