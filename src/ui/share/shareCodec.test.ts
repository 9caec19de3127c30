import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exampleDraft } from '../draft/draft';
import { EXAMPLES } from '../examples';
import { ShareLinkError, decodeShareLink, encodeShareFragment } from './shareCodec';

const ORIGIN = 'https://hyperopt-playground.example.org/';
const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('share links', () => {
  it('round-trip the whole playground', () => {
    const draft = exampleDraft(EXAMPLES[3], 4);
    draft.settings.seed = '123';
    expect(decodeShareLink(encodeShareFragment(draft), 4)).toEqual(draft);
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
    const refused = (hash: string) => {
      try {
        decodeShareLink(hash, 1);
      } catch (error) {
        expect(error).toBeInstanceOf(ShareLinkError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${hash.slice(0, 40)}`);
    };
    expect(refused('#p=1.%%%')).toMatch(/damaged/);
    expect(refused(good.slice(0, good.length - 12))).toMatch(/incomplete|damaged/);
    expect(refused(good.replace('#p=1.', '#p=2.'))).toMatch(/newer version/);
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
});
