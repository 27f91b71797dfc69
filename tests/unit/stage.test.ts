import { describe, expect, it } from 'vitest';
import { splitStage } from '../../src/core/shift/stage';

describe('stage directions and speech', () => {
  it('splits "(gesture) words" into narration and the visitor speaking, in every language', () => {
    expect(splitStage({ fr: '(Il souffle.) Bon… Et alors ?', en: '(He sighs.) Right… So?' })).toEqual({
      stage: { fr: '(Il souffle.)', en: '(He sighs.)' },
      speech: { fr: 'Bon… Et alors ?', en: 'Right… So?' },
    });
  });
  it('keeps a pure stage direction whole, nested brackets included', () => {
    const line = { fr: '(Agenda (mis à jour) : 14 h libre.)', en: '(Diary (updated): 2 p.m. free.)' };
    expect(splitStage(line)).toEqual({ stage: line });
  });
  it('keeps plain speech as speech, and a line that splits in one language only as narration', () => {
    expect(splitStage({ fr: 'Bonjour (enfin).', en: 'Hello (at last).' })).toEqual({ speech: { fr: 'Bonjour (enfin).', en: 'Hello (at last).' } });
    const uneven = { fr: '(Il part.)', en: '(He leaves.) Bye.' };
    expect(splitStage(uneven)).toEqual({ stage: uneven });
  });
});

describe('stage directions with more than words', () => {
  it('keeps any other field of the line (a caller’s tone) with the speech', () => {
    const line = { fr: '(Il souffle.) Bon.', en: '(He sighs.) Fine.', tone: 'sigh' } as unknown as Parameters<typeof splitStage>[0];
    expect(splitStage(line)).toEqual({ stage: { fr: '(Il souffle.)', en: '(He sighs.)' }, speech: { fr: 'Bon.', en: 'Fine.', tone: 'sigh' } });
  });
});
