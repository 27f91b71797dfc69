// Indicator-based scoring: observations, omissions counted once, alternatives,
// tool content, level rules from the rubric. Every expectation is worked out by
// hand from tests/fixtures/base.yaml and scenarios/rubrics/a1-face.yaml.
import { describe, expect, it } from 'vitest';
import { resultOf } from '../../src/core/result';
import type { Status } from '../../src/core/schema/rubric';
import { type IndicatorScore, levelFor } from '../../src/core/scoring/score';
import { Shift } from '../../src/core/shift/shift';
import type { ToolInput } from '../../src/core/shift/tool-check';
import { loadFixture } from './load-fixture';

const { scenario, rubric } = loadFixture('tests/fixtures/base.yaml');
const PREP = ['business', 'name-badge', 'tidy-desk', 'read-rules'];

/** Plays timed acts on bob (arrival at t=5), then lets time run to `end`. */
function play(acts: [number, string, ToolInput?][], end = 0, prep = PREP) {
  const shift = new Shift(scenario, rubric, 1);
  prep.forEach((p) => shift.prepare(p));
  shift.openDesk();
  for (const [t, option, input] of acts) {
    shift.advance(t - shift.now);
    shift.act('bob', option, input);
  }
  if (end > shift.now) shift.advance(end - shift.now);
  return { shift, result: resultOf(shift) };
}
const of = (shift: Shift, indicator: string) => shift.observations.filter((o) => o.indicator === indicator);
const GOOD_LOG = { name: 'Bob Stone', company: 'Acme' };
const GOOD_SLIP = { for: 'ann-lee', name: 'Bob Stone', company: 'Acme', phone: '0612345678', subject: 'rappel' };
const WHOLE: [number, string, ToolInput?][] = [
  [6, 'stand-up'],
  [7, 'hello'],
  [8, 'ask'],
  [9, 'check'],
  [10, 'admit'],
  [11, 'log', GOOD_LOG],
  [12, 'rephrase'],
  [13, 'slip', GOOD_SLIP],
  [14, 'anything'],
  [15, 'bye'],
  [16, 'tell-ann'],
  [17, 'close-file'],
];

describe('level rules (rubric data, never a ratio of points)', () => {
  const ind = (status: Status | null, essential = false): IndicatorScore => ({ ref: 'CP9.x', status, essential, observations: [] });
  it.each([
    ['every indicator met', [ind('met', true), ind('met')], 'TS'],
    ['a non-essential missed', [ind('met', true), ind('missed')], 'S'],
    ['a minor gap on an essential', [ind('partly', true), ind('met')], 'S'],
    ['an essential missed', [ind('missed', true), ind('met', true), ind('met')], 'I'],
    ['a serious fault on a non-essential', [ind('met', true), ind('breach')], 'I'],
    ['one grave fault, whatever else is met', [ind('met', true), ind('met'), ind('grave')], 'TI'],
    ['two of three essentials missed', [ind('missed', true), ind('breach', true), ind('met', true)], 'TI'],
    ['one essential of one missed: a single slip does not swing to TI', [ind('missed', true), ind('met')], 'I'],
    [
      'nothing the criterion asks shown (two indicators or more, none met, an essential among them)',
      [ind('missed', true), { ...ind('missed'), ref: 'CP9.y' }],
      'TI',
    ],
    ['two gaps on indicators that are not essential stay a minor gap', [ind('missed'), { ...ind('missed'), ref: 'CP9.y' }], 'S'],
    [
      'three gaps are not a minor gap',
      [ind('met', true), ind('missed'), { ...ind('missed'), ref: 'CP9.y' }, { ...ind('partly'), ref: 'CP9.z' }, { ...ind('missed'), ref: 'CP9.w' }],
      'I',
    ],
    ['three partial gaps are not a minor gap either', [ind('partly', true), { ...ind('partly'), ref: 'CP9.y' }, { ...ind('partly'), ref: 'CP9.z' }], 'I'],
    ['two partial gaps stay a minor gap', [ind('partly', true), { ...ind('partly'), ref: 'CP9.y' }, { ...ind('met'), ref: 'CP9.z' }], 'S'],
    ['faults add up: two serious faults', [ind('met', true), ind('breach'), { ...ind('breach'), ref: 'CP9.y' }], 'TI'],
    ['faults add up: a serious fault with an essential missed', [ind('missed', true), ind('met', true), ind('breach')], 'TI'],
  ] as const)('%s → %s', (_what, indicators, level) => {
    expect(levelFor(rubric.rules, [...indicators]).level).toBe(level);
  });

  it('counts two lapses on one indicator as two faults, and one act breaking two indicators as one', () => {
    const obs = (option: string, t: number) => ({
      t,
      contact: 'bob',
      phase: 'handling' as const,
      indicator: 'CP9.x',
      criterion: 'CP9',
      status: 'breach' as const,
      kind: 'option' as const,
      option,
    });
    const twice: IndicatorScore = { ref: 'CP9.x', status: 'breach', essential: false, observations: [obs('sigh', 10), obs('shrug', 20)] };
    expect(levelFor(rubric.rules, [ind('met', true), twice]).level).toBe('TI');
    const once: IndicatorScore[] = [
      { ref: 'CP9.x', status: 'breach', essential: false, observations: [obs('retort', 10)] },
      { ref: 'CP9.y', status: 'breach', essential: false, observations: [{ ...obs('retort', 10), indicator: 'CP9.y' }] },
    ];
    expect(levelFor(rubric.rules, [ind('met', true), ...once]).level).toBe('I');
  });

  it('counts a criterion as "nothing shown" only when no moment showed it: a late greeting or one visitor greeted is shown', () => {
    const at = (status: Status, kind: 'timing' | 'omission' | 'option', contact = 'bob', never?: true) => ({
      t: 30,
      contact,
      phase: 'greeting' as const,
      indicator: 'CP9.x',
      criterion: 'CP9',
      status,
      kind,
      ...(never ? { never } : {}),
    });
    const missedAlso: IndicatorScore = {
      ref: 'CP9.y',
      status: 'missed',
      essential: false,
      observations: [{ ...at('missed', 'omission'), indicator: 'CP9.y' }],
    };
    const late: IndicatorScore = { ref: 'CP9.x', status: 'missed', essential: true, observations: [at('missed', 'timing')] };
    expect(levelFor(rubric.rules, [late, missedAlso]).level).toBe('I');
    const oneOfTwo: IndicatorScore = { ref: 'CP9.x', status: 'missed', essential: true, observations: [at('met', 'timing'), at('missed', 'timing', 'ann')] };
    expect(levelFor(rubric.rules, [oneOfTwo, missedAlso]).level).toBe('I');
    const never: IndicatorScore = { ref: 'CP9.x', status: 'missed', essential: true, observations: [at('missed', 'timing', 'bob', true)] };
    expect(levelFor(rubric.rules, [never, missedAlso]).level).toBe('TI');
  });

  it('counts a wait that wore a caller out once however often it was recorded, and another kind of toll as another fault', () => {
    const toll = (kind: 'hold' | 'patience', t: number) => ({
      t,
      contact: 'bob',
      phase: 'waiting' as const,
      indicator: 'CP9.x',
      criterion: 'CP9',
      status: 'breach' as const,
      kind,
    });
    const twiceNoNews: IndicatorScore = { ref: 'CP9.x', status: 'breach', essential: true, observations: [toll('hold', 60), toll('hold', 120)] };
    expect(levelFor(rubric.rules, [twiceNoNews, ind('met')]).level).toBe('I');
    const noNewsThenWornOut: IndicatorScore = { ref: 'CP9.x', status: 'breach', essential: true, observations: [toll('hold', 60), toll('patience', 120)] };
    expect(levelFor(rubric.rules, [noNewsThenWornOut, ind('met')]).level).toBe('TI');
  });

  it('gives no level (not assessed, never zero) when nothing was observed', () => {
    expect(levelFor(rubric.rules, [ind(null, true)]).level).toBeNull();
  });
});

describe('a contact played well', () => {
  const { shift, result } = play(WHOLE);
  it('meets every indicator observed, with TS wherever something was observed', () => {
    expect(shift.observations.filter((o) => o.status !== 'met')).toEqual([]);
    for (const c of Object.values(result.criteria)) if (c.level) expect(c.level).toBe('TS');
    // No tension, no lapse: composure kept is observed all the same (GRADING.md: NA or TS).
    expect(result.criteria.CP4.level).toBe('TS');
    expect(of(shift, 'CP4.calm')).toMatchObject([{ status: 'met', kind: 'composure' }]);
  });
  it('counts the follow-up after the visitor left', () => {
    expect(of(shift, 'CP6.follow-up')).toMatchObject([{ status: 'met', phase: 'after', option: 'tell-ann' }]);
  });
});

describe('each fault once, where it belongs', () => {
  it('skipping the diary is one omission on CP6.consult, naming the option that would have met it', () => {
    const { shift } = play(WHOLE.filter(([, o]) => o !== 'check'));
    expect(of(shift, 'CP6.consult').filter((o) => o.contact === 'bob')).toEqual([
      expect.objectContaining({ status: 'missed', kind: 'omission', better: 'check' }),
    ]);
  });

  it('forgetting to log is playable: the student moves on to the request, and the log is one omission', () => {
    const { shift } = play(WHOLE.filter(([, o]) => o !== 'log'));
    expect(of(shift, 'CP6.log')).toEqual([expect.objectContaining({ status: 'missed', kind: 'omission', better: 'log' })]);
  });

  it('treats a message slip and an appointment as alternatives: doing one fully meets the need', () => {
    const slip = play(WHOLE).shift;
    expect(of(slip, 'CP5.alternative')).toEqual([expect.objectContaining({ status: 'met', option: 'slip' })]);
    const booked = play(WHOLE.map(([t, o, i]) => (o === 'slip' ? [t, 'appointment'] : [t, o, i])) as [number, string, ToolInput?][]).shift;
    expect(of(booked, 'CP5.alternative')).toEqual([expect.objectContaining({ status: 'met', option: 'appointment' })]);
  });

  it('a fault recommends the better option that was on offer at that moment, never a worse one', () => {
    const { shift } = play([
      [6, 'hello'],
      [7, 'ask'],
      [8, 'leak'],
    ]);
    const leak = of(shift, 'CP6.confidential')[0];
    expect(leak).toMatchObject({ status: 'breach', rule: 'secret' });
    // "refuse" needs the diary checked first: it was not on offer, so nothing is recommended there.
    expect(leak.better).toBeUndefined();
    const checked = play([
      [6, 'hello'],
      [7, 'ask'],
      [8, 'check'],
      [9, 'leak'],
    ]).shift;
    expect(of(checked, 'CP6.confidential')[0]).toMatchObject({ status: 'breach', better: 'refuse' });
  });
});

describe('what was typed in the tools is checked against what the visitor said', () => {
  it('a visitor log "mr" with no company is partly met, naming the wrong fields', () => {
    const { shift } = play(WHOLE.map(([t, o, i]) => (o === 'log' ? [t, o, { name: 'mr', company: '' }] : [t, o, i])) as [number, string, ToolInput?][]);
    expect(of(shift, 'CP6.log')).toEqual([expect.objectContaining({ status: 'partly', kind: 'tool', wrong: ['name', 'company'] })]);
  });

  it('a message slip with the wrong number, or for the wrong person, is partly met', () => {
    const { shift } = play(
      WHOLE.map(([t, o, i]) => (o === 'slip' ? [t, o, { ...GOOD_SLIP, phone: '06 12 34 56 87', for: '' }] : [t, o, i])) as [number, string, ToolInput?][],
    );
    expect(of(shift, 'CP5.alternative')).toEqual([expect.objectContaining({ status: 'partly', wrong: ['for', 'phone'] })]);
  });

  it('accepts the same facts written another way (case, accents, spaces in the number)', () => {
    const { shift } = play(
      WHOLE.map(([t, o, i]) => (o === 'slip' ? [t, o, { ...GOOD_SLIP, name: 'M. bob STONE', phone: '06.12.34.56.78' }] : [t, o, i])) as [
        number,
        string,
        ToolInput?,
      ][],
    );
    expect(of(shift, 'CP5.alternative')[0].status).toBe('met');
  });
});

describe('time and attention', () => {
  it('only an act that addresses the visitor acknowledges them: putting the phone down does not', () => {
    const { shift } = play([
      [6, 'phone-aside'],
      [20, 'hello'],
    ]);
    expect(of(shift, 'CP2.ack')).toEqual([expect.objectContaining({ status: 'missed', kind: 'timing', seconds: 15 })]);
  });

  it.each([
    [7, 'met'],
    [13, 'partly'],
    [17, 'missed'],
  ])('an arrival acknowledged at t=%i is %s', (t, status) => {
    expect(of(play([[t, 'hello']]).shift, 'CP2.ack')[0].status).toBe(status);
  });
});

describe('format 2 in play', () => {
  it('offers an option only when its condition holds (refuse needs the diary checked)', () => {
    const shift = new Shift(scenario, rubric, 1);
    shift.advance(6);
    shift.act('bob', 'hello');
    shift.act('bob', 'ask');
    expect(
      shift
        .contact('bob')
        .available()
        .map((o) => o.id),
    ).not.toContain('refuse');
    shift.act('bob', 'check');
    expect(
      shift
        .contact('bob')
        .available()
        .map((o) => o.id),
    ).toContain('refuse');
  });

  it('varies a reply with the visitor’s mood', () => {
    const warm = play([[6, 'hello']]).shift.log.filter((l) => l.speaker === 'visitor');
    expect(warm.at(-1)?.text?.en).toBe('Good morning!');
    const cold = play([
      [6, 'phone-aside'],
      [7, 'hello'],
    ]).shift.log.filter((l) => l.speaker === 'visitor');
    expect(cold.at(-1)?.text?.en).toBe('Hmm.');
  });

  it('logs a foreign visitor’s lines in their own language', () => {
    const { shift } = play([[6, 'hello']]);
    expect(shift.log.filter((l) => l.speaker === 'visitor').every((l) => l.lang === 'en')).toBe(true);
  });

  it('shows the choices in an order drawn from the seed: the same seed, the same order', () => {
    const order = (seed: number) => {
      const s = new Shift(scenario, rubric, seed);
      s.advance(6);
      return s.choices(s.contact('bob')).map((o) => o.id);
    };
    expect(order(3)).toEqual(order(3));
    expect(new Set([1, 2, 3, 4, 5, 6].map((s) => order(s).join())).size).toBeGreaterThan(1);
  });

  it('a visitor left alone walks out, and what was never done counts once as missed', () => {
    const { shift, result } = play([], 300);
    expect(shift.contact('bob').walkedOut).toBe(true);
    expect(of(shift, 'CP2.ack')[0]).toMatchObject({ status: 'missed' });
    expect(of(shift, 'CP5.need')).toEqual([expect.objectContaining({ kind: 'walkout' })]);
    expect(result.satisfaction.walkedOut).toBe(true);
  });
});
