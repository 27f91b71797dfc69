// The five runs a new user tried that passed before the grading issue (issue 18): each is
// a grave fault or an unmet request, and each must now fail its situation whatever the
// average of its criteria — with the fault on the criterion where it belongs.
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { POLICIES } from '../../src/core/policies/policies';
import { resultOf } from '../../src/core/result';
import { createRng } from '../../src/core/rng';
import { levelsOf } from '../../src/core/run/attempt';
import { situationScore } from '../../src/core/run/grade';
import { verdictOf } from '../../src/core/scoring/verdict';
import { Shift } from '../../src/core/shift/shift';

const catalog = loadFromDisk();

/** A well-prepared desk, then these options two seconds apart from the first arrival, then time runs out. */
function play(id: string, options: string[]) {
  const scenario = catalog.scenarios.find((s) => s.id === id)!;
  const shift = new Shift(scenario, catalog.rubrics.get(scenario.rubric)!, 1);
  for (const item of POLICIES.ideal.prepare(shift, createRng(1))) shift.prepare(item);
  shift.openDesk();
  shift.advance(Math.min(...scenario.timeline.map((e) => e.at + (e.jitter ?? 0))));
  for (const option of options) {
    shift.advance(2);
    const contact = shift.contacts.find((c) => c.available().some((o) => o.id === option));
    if (!contact) throw new Error(`${id}: "${option}" is not on offer`);
    shift.act(contact.id, option);
  }
  shift.advance(scenario.timeLimit);
  const result = resultOf(shift);
  const verdict = verdictOf(result);
  return { levels: levelsOf(result), verdict, score: situationScore([{ levels: levelsOf(result), failed: verdict.failed }]) };
}

describe('what a new user tried now fails the situation', () => {
  it('greeting, the name, the wrong department and goodbye in seconds', () => {
    const r = play('supplier-appointment', ['greet-courant', 'ask-name', 'direct-wrong', 'goodbye']);
    expect(r.score.passed).toBe(false);
    expect(r.verdict.faults.map((f) => f.kind)).toContain('need-unmet');
    expect(['I', 'TI']).toContain(r.levels.CP6);
  });

  it("a caller told where the colleague is (a course in Lyon, the hotel's name)", () => {
    const r = play('phone-absent-message', ['pick-up', 'greet-full', 'ask-name', 'ask-subject', 'absent-details', 'goodbye']);
    expect(r.score.passed).toBe(false);
    expect(r.verdict.faults).toContainEqual(expect.objectContaining({ kind: 'grave', indicator: 'T22.1.filtering' }));
    expect(r.levels['T22.1']).toBe('TI');
  });

  it('insults to an aggressive visitor', () => {
    const r = play('aggressive-refused', ['greet-lecture', 'ask-name-calm-down', 'ask-purpose-sarcastic', 'shout-back']);
    expect(r.score.passed).toBe(false);
    expect(r.levels.CP4).toBe('TI');
    expect(['I', 'TI']).toContain(r.levels.CP3);
  });

  it('louder French to a Spanish speaker, a shrug and a brush-off', () => {
    const r = play('station-spanish', ['greet-fr', 'louder-french', 'see-ticket', 'not-my-problem', 'goodbye-bare']);
    expect(r.score.passed).toBe(false);
    expect(['I', 'TI']).toContain(r.levels.CP5);
    expect(['I', 'TI']).toContain(r.levels.CP4);
  });

  it('a caller put on hold and never taken back', () => {
    const r = play('phone-vague-request', ['pick-up', 'greet-full', 'ask-name', 'ask-which', 'check-directory', 'admit', 'hold-announced']);
    expect(r.score.passed).toBe(false);
    expect(r.verdict.faults.map((f) => f.kind)).toContain('walked-out');
    expect(['I', 'TI']).toContain(r.levels['T22.4']);
  });
});
