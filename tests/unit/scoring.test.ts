import { describe, expect, it } from 'vitest';
import { resultOf } from '../../src/core/result';
import { decisionEvidence } from '../../src/core/scoring/evidence';
import { levelFor, scoreCriteria } from '../../src/core/scoring/score';
import { Shift } from '../../src/core/shift/shift';
import { loadFixture } from './load-fixture';

const { scenario, rubric } = loadFixture('tests/fixtures/mini.yaml');
const option = (id: string) => scenario.contacts[0].phases.greeting.options.find((o) => o.id === id)!;
const brief = (records: { criterion: string; points: number; max: number; source: string; option?: string }[]) =>
  records.map((r) => [r.criterion, r.points, r.max, r.source, r.option ?? r.source]);

function play(steps: [number, string][], end?: number, prepare: string[] = []) {
  const shift = new Shift(scenario, rubric, 1);
  prepare.forEach((item) => shift.prepare(item));
  for (const [t, id] of steps) {
    shift.advance(t - shift.now);
    shift.act('v', id);
  }
  if (end !== undefined) shift.advance(end - shift.now);
  return shift;
}

describe('levels', () => {
  it.each([
    [10, 10, 'TS'],
    [85, 100, 'TS'],
    [84, 100, 'S'],
    [60, 100, 'S'],
    [59, 100, 'I'],
    [30, 100, 'I'],
    [29, 100, 'TI'],
    [-3, 5, 'TI'],
    [-2, 0, 'TI'],
  ] as const)('%i of %i is %s', (points, max, level) => {
    expect(levelFor(rubric, points, max)).toBe(level);
  });

  it('leaves a criterion without evidence not assessed, never zero', () => {
    const scores = scoreCriteria(rubric, []);
    expect(Object.values(scores).map((s) => s.level)).toEqual([null, null, null, null, null, null]);
  });
});

describe('decision evidence', () => {
  const where = { t: 3, contact: 'v', phase: 'greeting' as const };

  it('sets the max from the best alternative the act ruled out', () => {
    expect(brief(decisionEvidence(where, option('yo'), [option('hello')], []))).toEqual([['CP3', -2, 2, 'option', 'yo']]);
    expect(brief(decisionEvidence(where, option('hello'), [option('yo')], []))).toEqual([['CP3', 2, 2, 'option', 'hello']]);
  });

  it('records a dropped opportunity as missed, with the better act named', () => {
    const records = decisionEvidence(where, option('name'), [], [option('stand')]);
    expect(brief(records)).toEqual([['CP1', 0, 1, 'missed', 'stand']]);
    expect(records[0].why.fr).toBe('Occasion manquée : « Se lever » — debout');
  });
});

describe('a hand-played shift', () => {
  // Arrival at t=5 (no jitter). Every number below is worked out by hand from mini.yaml and a1-face.yaml.
  const steps: [number, string][] = [
    [7, 'stand'],
    [8, 'hello'],
    [9, 'name'],
    [10, 'why'],
    [11, 'in'],
    [12, 'badge'],
    [13, 'go'],
    [14, 'done'],
    [15, 'bye'],
  ];
  const shift = play(steps, undefined, ['casual', 'business', 'name-badge', 'tidy-desk', 'read-rules']);
  const result = resultOf(shift);

  it('gives exactly the expected evidence, in order', () => {
    expect(brief(shift.evidence)).toEqual([
      ['CP1', 2, 2, 'procedure', 'business'], // the later outfit choice replaced "casual"; it suits a company hall
      ['CP1', 1, 1, 'procedure', 'name-badge'],
      ['CP1', 1, 1, 'procedure', 'tidy-desk'],
      ['CP6', 1, 1, 'procedure', 'read-rules'],
      ['CP2', 3, 3, 'timing', 'timing'], // acknowledged 2 s after arrival
      ['CP1', 1, 1, 'option', 'stand'],
      ['CP3', 2, 2, 'option', 'hello'], // "yo" was the alternative
      ['CP6', 1, 1, 'procedure', 'procedure'], // IDENTIFY done
      ['CP6', 0, 1, 'missed', 'diary'], // admitted without checking the diary
      ['CP6', -2, 2, 'procedure', 'procedure'], // CONSULT skipped although on offer
      ['CP6', 2, 2, 'procedure', 'procedure'], // REGISTER done
      ['CP6', 2, 2, 'option', 'go'],
      ['CP2', 0, 1, 'missed', 'need'], // answering closed the question never asked
      ['CP3', 1, 1, 'option', 'bye'],
    ]);
  });

  it('totals and levels each criterion', () => {
    const c = result.criteria;
    expect([c.CP1.points, c.CP1.max, c.CP1.level]).toEqual([5, 5, 'TS']);
    expect([c.CP2.points, c.CP2.max, c.CP2.level]).toEqual([3, 4, 'S']);
    expect([c.CP3.points, c.CP3.max, c.CP3.level]).toEqual([3, 3, 'TS']);
    expect([c.CP6.points, c.CP6.max, c.CP6.level]).toEqual([4, 9, 'I']);
    expect([c.CP4.level, c.CP5.level]).toEqual([null, null]);
  });

  it('reports satisfaction beside the criteria', () => {
    // mood 50 + 10 ("hello"), trust 50, need met: 0.45×60 + 0.35×50 + 20 = 64.5 → 65
    expect(result.satisfaction).toEqual({ score: 65, level: 'satisfied', needMet: true, walkedOut: false });
  });
});

describe('preparation', () => {
  it('scores an outfit that does not suit the venue, and refuses to prepare once open', () => {
    const shift = play([[8, 'hello']], undefined, ['casual']);
    expect(brief(shift.evidence.slice(0, 1))).toEqual([['CP1', -2, 2, 'procedure', 'casual']]);
    expect(shift.actions[0]).toEqual({ t: 0, contact: 'desk', option: 'casual' });
    expect(() => shift.prepare('tidy-desk')).toThrow(/already open/);
    expect(() => new Shift(scenario, rubric, 1).prepare('hat')).toThrow(/no preparation item "hat"/);
  });
});

describe('time', () => {
  it.each([
    [8, 3],
    [15, 2],
    [28, 0],
    [50, -2],
  ])('acting first at t=%i scores the acknowledgement %i on CP2', (t, points) => {
    const shift = play([[t, 'hello']]);
    expect(shift.evidence.find((e) => e.source === 'timing')).toMatchObject({ criterion: 'CP2', points, max: 3 });
  });

  it('lets an ignored visitor speak up, complain, then walk out', () => {
    // Calm visitor: patience 50 drains 0.6/s unattended → empty after 84 s, then 30 more → 50 s.
    const shift = play([], 200);
    const said = shift.log.filter((l) => l.speaker === 'visitor').map((l) => [l.t, l.text.en]);
    expect(said).toEqual([
      [25, 'Hello?'],
      [89, "I'm waiting!"],
      [139, 'Never mind.'],
    ]);
    expect(shift.finished).toBe(true);
    const r = resultOf(shift);
    expect(r.satisfaction.walkedOut).toBe(true);
    expect(brief(shift.evidence)).toEqual([
      ['CP1', -2, 2, 'procedure', 'procedure'], // no outfit chosen
      ['CP1', -1, 1, 'procedure', 'name-badge'],
      ['CP1', -1, 1, 'procedure', 'tidy-desk'],
      ['CP6', -1, 1, 'procedure', 'read-rules'],
      ['CP5', -2, 0, 'patience', 'patience'],
      ['CP2', -2, 3, 'timing', 'timing'], // never acknowledged
      ['CP6', -1, 1, 'procedure', 'procedure'], // IDENTIFY
      ['CP6', -2, 2, 'procedure', 'procedure'], // CONSULT
      ['CP6', -2, 2, 'procedure', 'procedure'], // REGISTER
    ]);
  });
});
