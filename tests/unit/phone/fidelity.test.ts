// Fidelity of what is written on the phone (T22.5 « Le message transmis est fidèle »,
// T22.6 « Respecter les consignes et la demande »): hand-written message slips and
// appointments, correct and faulty, compared with what the caller said, the diary and
// the caller's constraints — including a number misheard on a bad line.
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../../src/cli/files';
import { playWith } from '../../../src/core/policies/play';
import { policyNamed } from '../../../src/core/policies/policies';
import { replay } from '../../../src/core/result';
import { scoreCriteria } from '../../../src/core/scoring/score';
import { appointmentProblem, checkToolContent, freeSlot, type ToolInput, timesIn } from '../../../src/core/shift/tool-check';

const catalog = loadFromDisk();
const scenario = (id: string) => catalog.scenarios.find((s) => s.id === id)!;
const absent = scenario('phone-absent-message');
const roux = absent.contacts[0];
const slip = roux.phases.handling.options.find((o) => o.id === 'slip')!;
const booking = scenario('phone-appointment');
const ferhat = booking.contacts[0];
const book = ferhat.phases.handling.options.find((o) => o.id === 'book')!;

const GOOD: ToolInput = {
  for: 'karim-benali',
  name: 'Thomas Roux',
  company: 'Bati-Nord',
  phone: '06 71 42 18 39',
  subject: 'Erreur sur la facture du chantier Lemoine',
  urgency: 'URGENT',
  callback: 'demain avant 12h',
};
const slipCheck = (input: ToolInput, acts: string[] = ['READ_BACK']) => checkToolContent(slip, roux, input, { desk: absent.desk, acts });

describe('message slip', () => {
  it('a complete, faithful slip written after reading the number back is right', () => {
    expect(slipCheck(GOOD)).toEqual({ wrong: [], why: {} });
  });

  it('accepts what a student writes for the same thing: spacing, case, other words for urgency and time', () => {
    expect(slipCheck({ ...GOOD, phone: '0671421839', urgency: 'très urgent', callback: 'rappeler demain, 12:00 au plus tard' })?.wrong).toEqual([]);
  });

  it('the number as misheard on the bad line, even read back too late, is a wrong number', () => {
    expect(slipCheck({ ...GOOD, phone: '06 71 42 80 39' })).toEqual({ wrong: ['phone'], why: { phone: 'different' } });
  });

  it('a number never read back on a bad line is an error, even when the guess is right', () => {
    expect(slipCheck(GOOD, [])).toEqual({ wrong: ['name', 'phone'], why: { name: 'misheard', phone: 'misheard' } });
    expect(slipCheck(GOOD, ['ASK_REPEAT'])?.wrong).toEqual([]);
  });

  it('finds a wrong urgency, a wrong callback time, a missing company and a wrong recipient', () => {
    const check = slipCheck({ ...GOOD, urgency: 'normal', callback: 'demain avant 14 h', company: '', for: 'claire-dupont' });
    expect(check?.wrong).toEqual(['for', 'company', 'urgency', 'callback']);
    expect(check?.why).toEqual({ for: 'different', company: 'missing', urgency: 'different', callback: 'different' });
  });

  it('reads times as a student writes them', () => {
    expect(timesIn('avant 12 h')).toEqual([720]);
    expect(timesIn('entre 14h30 et 16:00')).toEqual([870, 960]);
  });
});

describe('appointment', () => {
  const at = (time: string | undefined) => appointmentProblem(ferhat, booking.desk, time);
  const input = (time: string): ToolInput => ({ for: 'claire-dupont', name: 'Nadia Ferhat', company: 'Optima', time });

  it("a slot free in the diary and within the caller's hours is right", () => {
    expect(at('15:00')).toBeUndefined();
    expect(at('16h')).toBeUndefined();
    expect(checkToolContent(book, ferhat, input('15:00'), { desk: booking.desk })).toEqual({ wrong: [], why: {} });
  });

  it("a slot that overlaps the colleague's diary is refused, to the minute", () => {
    expect(at('14:30')).toBe('diary');
    expect(at('15:15')).toBe('diary'); // 15:15–15:45 runs into the 15:30 call
    expect(at('16:15')).toBe('diary');
  });

  it('a slot outside what the caller can make is refused', () => {
    expect(at('10:00')).toBe('constraint');
    expect(at('17:30')).toBe('constraint');
  });

  it('no time at all is missing, and a wrong name is caught as on a slip', () => {
    expect(at(undefined)).toBe('missing');
    expect(checkToolContent(book, ferhat, { ...input('16:00'), name: 'Mme Ferrat' }, { desk: booking.desk })?.wrong).toEqual(['name']);
  });

  it('the first free slot fits both the diary and the caller', () => {
    expect(freeSlot(ferhat, booking.desk)).toBe('15:00');
  });
});

describe('in a shift', () => {
  const rubric = catalog.rubrics.get('a2-phone')!;
  const steps = (withReadBack: boolean, phone = GOOD.phone) => [
    { t: 5, contact: 'thomas-roux', option: 'pick-up' },
    { t: 7, contact: 'thomas-roux', option: 'greet-full' },
    { t: 9, contact: 'thomas-roux', option: 'ask-name' },
    ...(withReadBack ? [{ t: 11, contact: 'thomas-roux', option: 'read-back-number' }] : []),
    { t: 13, contact: 'thomas-roux', option: 'absent-offer' },
    { t: 16, contact: 'thomas-roux', option: 'slip', input: { ...GOOD, phone } },
  ];
  const slipStatus = (actions: ReturnType<typeof steps>) => {
    const shift = replay(absent, rubric, { scenario: absent.id, seed: 1, actions, end: 20 });
    const record = shift.observations.find((o) => o.indicator === 'T22.5.slip')!;
    return { record, level: scoreCriteria(rubric, [...shift.observations])['T22.5']?.level };
  };

  it('a faithful slip after a read-back meets T22.5', () => {
    expect(slipStatus(steps(true))).toMatchObject({ record: { status: 'met', kind: 'option' }, level: 'TS' });
  });

  it('the same slip without a read-back on the bad line is an error on T22.5, saying the number was not checked', () => {
    const { record, level } = slipStatus(steps(false));
    expect(level).toBe('I');
    expect(record).toMatchObject({ status: 'missed', kind: 'tool', wrong: ['name', 'phone'], problems: { phone: 'misheard' } });
  });

  it('the misheard number written down is an error even after a read-back: one field off is an incomplete slip (partly)', () => {
    expect(slipStatus(steps(true, '06 71 42 80 39')).record).toMatchObject({ status: 'partly', wrong: ['phone'], problems: { phone: 'different' } });
  });

  it('two fields off make a slip that cannot do its job (missed)', () => {
    const actions = steps(true, '06 71 42 80 39');
    const last = actions[actions.length - 1] as { input: ToolInput };
    last.input = { ...last.input, name: 'Roux' };
    expect(slipStatus(actions).record).toMatchObject({ status: 'missed', wrong: ['name', 'phone'] });
  });

  it('an appointment at a time the caller cannot make fails the booking, even as the only field off', () => {
    const ideal = policyNamed('ideal')!;
    const tooEarly = {
      ...ideal,
      decide: (...args: Parameters<typeof ideal.decide>) => {
        const d = ideal.decide(...args);
        return 'option' in d && d.option === 'book' ? { ...d, input: { ...d.input, time: '10:00' } } : d;
      },
    };
    const result = playWith(booking, rubric, tooEarly, 1);
    const record = result.criteria['T22.6'].observations.find((o) => o.indicator === 'T22.6.booking');
    expect(record).toMatchObject({ status: 'missed', kind: 'tool', wrong: ['time'] });
  });
});
