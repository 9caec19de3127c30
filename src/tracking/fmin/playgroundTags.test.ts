import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import { decodeAlgoTag, decodeSuggestTag, encodeAlgoTag, encodeSuggestTag } from './playgroundTags';

describe('playground.suggest tag', () => {
  it('round-trips any suggest call', () => {
    const int = fc.integer({ min: 0, max: 2 ** 31 });
    fc.assert(
      fc.property(
        int,
        int,
        fc.array(int, { maxLength: 20 }),
        fc.option(int, { nil: undefined }),
        (seed, firstTid, pending, nTrials) => {
          const call = { seed, firstTid, pending, ...(nTrials === undefined ? {} : { nTrials }) };
          expect(decodeSuggestTag(encodeSuggestTag(call)!)).toEqual(call);
        },
      ),
    );
  });

  it('is left out when over the tag limit', () => {
    const pending = Array.from({ length: LIMITS.tagValueChars }, (_, i) => i);
    expect(encodeSuggestTag({ seed: 1, firstTid: pending.length, pending })).toBeUndefined();
  });

  it('says what is wrong with a malformed tag', () => {
    expect(decodeSuggestTag('{"v":1,"seed":1')).toMatch(/not JSON/);
    expect(decodeSuggestTag('{"v":2,"seed":1,"firstTid":0,"pending":[]}')).toMatch(/not version 1/);
    expect(decodeSuggestTag('{"v":1,"seed":1.5,"firstTid":0,"pending":[]}')).toMatch(/no seed/);
    expect(decodeSuggestTag('{"v":1,"seed":1,"firstTid":0,"pending":["a"]}')).toMatch(/pending/);
    expect(decodeSuggestTag('{"v":1,"seed":1,"firstTid":0,"pending":[],"nTrials":-1}')).toMatch(/count/);
  });
});

describe('playground.algo tag', () => {
  it('round-trips a spec with its options, and checks the shape', () => {
    const spec = { name: 'tpe', options: { gamma: 0.5, nStartupJobs: 5 } };
    expect(decodeAlgoTag(encodeAlgoTag(spec)!)).toEqual(spec);
    expect(decodeAlgoTag('[]')).toMatch(/not version 1/);
    expect(decodeAlgoTag('{"v":1,"options":{}}')).toMatch(/names no algorithm/);
    expect(decodeAlgoTag('{"v":1,"name":"tpe","options":3}')).toMatch(/no options/);
  });
});
