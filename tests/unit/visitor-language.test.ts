// A visitor's languages: their own (trust won), one they follow with effort (the words land,
// nothing won), one they do not share (mood and trust lost).
import { describe, expect, it } from 'vitest';
import type { Option } from '../../src/core/schema/scenario';
import { react, type VisitorState } from '../../src/core/visitor/model';

const visitor = (understands?: VisitorState['understands']): VisitorState => ({
  mood: 50,
  patience: 50,
  trust: 50,
  traits: ['calm'],
  language: 'en',
  understands,
});
const say = { id: 'x', act: 'ANSWER', text: { fr: 'x', en: 'x' } } as unknown as Option;

describe('a visitor who speaks some French', () => {
  it('gains trust in their own language', () => {
    expect(react(visitor(['fr']), say, { speaking: 'en', facing: true }).trust).toBe(55);
  });

  it('follows French without losing mood or trust when they understand some', () => {
    expect(react(visitor(['fr']), say, { speaking: 'fr', facing: true })).toMatchObject({ mood: 50, trust: 50 });
  });

  it('loses mood and trust in French when they understand none', () => {
    expect(react(visitor(), say, { speaking: 'fr', facing: true })).toMatchObject({ mood: 45, trust: 40 });
  });
});
