// Scenario conditions: "all of" (done), "none of" (notDone) and "any of" (doneAny).
import { describe, expect, it } from 'vitest';
import type { VisitContext } from '../../src/core/machines/visit-context';
import { holds } from '../../src/core/shift/conditions';

const ctx = (done: string[]) => ({ done, acts: ['GREET'], outcomes: {}, visitor: { mood: 50, trust: 50 } }) as unknown as VisitContext;

describe('conditions', () => {
  it('"any of" holds when one of the options or acts was done, and not when none was', () => {
    expect(holds({ doneAny: ['offer-seat', 'offer-water'] }, ctx(['offer-water']))).toBe(true);
    expect(holds({ doneAny: ['offer-seat', 'GREET'] }, ctx([]))).toBe(true);
    expect(holds({ doneAny: ['offer-seat', 'offer-water'] }, ctx(['ask-name']))).toBe(false);
  });

  it('combines with "all of" and "none of"', () => {
    expect(holds({ done: ['ask-name'], doneAny: ['offer-seat', 'offer-water'], notDone: ['insult'] }, ctx(['ask-name', 'offer-seat']))).toBe(true);
    expect(holds({ done: ['ask-name'], doneAny: ['offer-seat', 'offer-water'], notDone: ['insult'] }, ctx(['ask-name', 'offer-seat', 'insult']))).toBe(false);
  });
});
