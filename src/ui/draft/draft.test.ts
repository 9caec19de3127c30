import { describe, expect, it } from 'vitest';
import { DRAFT_VERSION, DraftError, decodeDraft, exampleDraft } from './draft';

describe('decodeDraft', () => {
  it('round-trips a draft', () => {
    const draft = exampleDraft(undefined, 4);
    expect(decodeDraft(JSON.parse(JSON.stringify(draft)), 4)).toEqual(draft);
  });

  it('whitelists settings: unknown keys, bad algorithms and non-numeric text fall back to defaults', () => {
    const draft = decodeDraft(
      {
        version: 1,
        space: 's',
        objective: 'o',
        settings: { algo: 'evil', maxEvals: '<img>', seed: '42', extra: 'x', trialsKind: 'Trials' },
      },
      2,
    );
    expect(draft.settings).toMatchObject({ algo: 'tpe', maxEvals: '50', seed: '42', trialsKind: 'Trials' });
    expect('extra' in draft.settings).toBe(false);
  });

  it('refuses what is not a draft, a newer version and oversized code, with a sentence', () => {
    expect(() => decodeDraft(null, 1)).toThrow(DraftError);
    expect(() => decodeDraft({ version: DRAFT_VERSION + 1, space: '', objective: '' }, 1)).toThrow(
      /newer version/,
    );
    expect(() => decodeDraft({ version: 1, space: 'x'.repeat(300_000), objective: '' }, 1)).toThrow(
      /over the limit/,
    );
    expect(() => decodeDraft({ version: 1, objective: '' }, 1)).toThrow(/space code is missing/);
  });
});
