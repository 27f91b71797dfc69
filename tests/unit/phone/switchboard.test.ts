// The switchboard's state as the UI draws it, and the clock of calls: rings counted and
// scored, a call left ringing is lost, a caller left on hold past the wait announced hangs
// up unless the receptionist comes back, and the choices of a desk with a visitor and a
// call at once are scored against C321.1.
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../../src/cli/files';
import { type Run, replay } from '../../../src/core/result';

const catalog = loadFromDisk();
const rubric = catalog.rubrics.get('a2-phone')!;
const scenario = (id: string) => catalog.scenarios.find((s) => s.id === id)!;
/** Replays timed acts (no jitter: seed chosen so the call rings at a known second). */
const run = (id: string, actions: Run['actions'], end: number, seed = 1) => replay(scenario(id), rubric, { scenario: id, seed, actions, end });
const ringAt = (id: string, contact: string, seed = 1) => run(id, [], 0, seed).scenario.timeline.find((e) => e.contact === contact)!.at;
const firstRing = (id: string, contact: string) => {
  const shift = run(id, [], 40);
  return shift.log.find((e) => e.contact === contact && e.event === 'ring')!.t;
};
const of = (shift: ReturnType<typeof run>, indicator: string) => shift.observations.filter((o) => o.indicator === indicator);

describe('rings', () => {
  const id = 'phone-named-person';
  const t0 = firstRing(id, 'helene-garnier');

  it('a call picked up before the third ring meets T21.1; on the third, only partly; on the fourth, missed', () => {
    expect(of(run(id, [{ t: t0 + 2, contact: 'helene-garnier', option: 'pick-up' }], t0 + 3), 'T21.1.rings')[0]).toMatchObject({
      status: 'met',
      rings: 1,
    });
    expect(of(run(id, [{ t: t0 + 11, contact: 'helene-garnier', option: 'pick-up' }], t0 + 12), 'T21.1.rings')[0]).toMatchObject({
      status: 'partly',
      rings: 3,
    });
    expect(of(run(id, [{ t: t0 + 16, contact: 'helene-garnier', option: 'pick-up' }], t0 + 17), 'T21.1.rings')[0]).toMatchObject({
      status: 'missed',
      rings: 4,
    });
  });

  it("a call left to ring is lost after the caller's last ring: hang-up logged, T21.1 missed", () => {
    const shift = run(id, [], t0 + 60);
    expect(shift.callLog.map((e) => e.kind)).toEqual(['rang', 'missed']);
    expect(shift.callLog[1]).toMatchObject({ rings: 8, line: 1 });
    expect(shift.log.some((e) => e.event === 'hangup')).toBe(true);
    expect(of(shift, 'T21.1.rings')[0]).toMatchObject({ status: 'missed' });
    expect(of(shift, 'T21.1.available')[0]).toMatchObject({ status: 'missed' });
  });

  it('the switchboard shows the line blinking with its rings, then lit once picked up', () => {
    const ringing = run(id, [], t0 + 7).switchboard();
    expect(ringing.lines[0]).toMatchObject({ line: 1, state: 'ringing', lamp: 'blinking', contact: 'helene-garnier', rings: 2, hangUpAfter: 8 });
    expect(ringing.lines[1]).toEqual({ line: 2, state: 'idle', lamp: 'off' });
    const talking = run(id, [{ t: t0 + 2, contact: 'helene-garnier', option: 'pick-up' }], t0 + 3).switchboard();
    expect(talking).toMatchObject({ onLine: 'helene-garnier', lines: [{ state: 'talking', lamp: 'lit' }, {}, {}] });
  });

  it('logs an announced transfer with its extension, and the line goes dark', () => {
    const acts = ['pick-up', 'greet-full', 'ask-name', 'ask-subject', 'check-directory', 'admit', 'transfer-announced'];
    const shift = run(
      id,
      acts.map((option, i) => ({ t: t0 + 2 + i * 2, contact: 'helene-garnier', option })),
      t0 + 30,
    );
    expect(shift.callLog.at(-1)).toMatchObject({ kind: 'transferred', extension: '214', announcedTransfer: true });
    expect(shift.switchboard().lines.every((l) => l.state === 'idle')).toBe(true);
  });
});

describe('an internal call', () => {
  it('rings on its own line, marked internal, and the call log follows both calls', () => {
    const id = 'phone-internal-instruction';
    const t0 = firstRing(id, 'claire-internal');
    const view = run(id, [], t0 + 1).switchboard();
    expect(view.lines[2]).toMatchObject({ line: 3, state: 'ringing', contact: 'claire-internal', internal: true });
    expect(run(id, [], 200).callLog.map((e) => [e.contact, e.kind])).toEqual([
      ['claire-internal', 'rang'],
      ['claire-internal', 'missed'],
      ['hugo-lambert', 'rang'],
      ['hugo-lambert', 'missed'],
    ]);
  });
});

describe('hold', () => {
  const id = 'phone-vague-request';
  const t0 = firstRing(id, 'julien-petit');
  const upToHold = ['pick-up', 'greet-full', 'ask-name', 'ask-which', 'check-directory', 'admit', 'hold-announced'].map((option, i) => ({
    t: t0 + 2 + i * 2,
    contact: 'julien-petit',
    option,
  }));
  const held = upToHold.at(-1)!.t;

  it('shows the line winking with the wait announced and when the caller will hang up', () => {
    const line = run(id, upToHold, held + 5).switchboard().lines[0];
    // 30 s announced + 30 s of patience on hold (call.holdPatience).
    expect(line).toMatchObject({ state: 'held', lamp: 'winking', heldSince: held, announced: 30, hangsUpAt: held + 61 });
  });

  it('a caller left on hold past the wait announced hangs up: T22.4 missed', () => {
    const shift = run(id, upToHold, held + 62);
    expect(shift.callLog.map((e) => e.kind)).toContain('hung-up');
    expect(of(shift, 'T22.4.hold').map((o) => o.status)).toContain('missed');
  });

  it('coming back to the caller restarts the clock with the new wait announced', () => {
    const shift = run(id, [...upToHold, { t: held + 50, contact: 'julien-petit', option: 'come-back' }], held + 62);
    expect(shift.callLog.map((e) => e.kind)).not.toContain('hung-up');
    expect(shift.switchboard().lines[0]).toMatchObject({ state: 'held', announced: 45, hangsUpAt: held + 50 + 76 });
  });
});

describe('two things at once (C321.1)', () => {
  const id = 'mixed-rush-counter';
  const ring = firstRing(id, 'paul-henry');
  const visitor = (t: number, option: string) => ({ t, contact: 'marie-lenoir', option });
  const caller = (t: number, option: string) => ({ t, contact: 'paul-henry', option });
  const before = [visitor(4, 'greet'), visitor(ring - 1 > 4 ? ring - 1 : 5, 'ask-name')].filter((a, i, all) => i === 0 || a.t > all[i - 1].t);

  it('excusing oneself to the visitor, then picking up, meets C321.1', () => {
    const shift = run(id, [...before, visitor(ring + 1, 'excuse-for-call'), caller(ring + 2, 'pick-up')], ring + 3);
    expect(of(shift, 'T32.1.simultaneous')).toMatchObject([{ status: 'met', contact: 'paul-henry' }]);
    expect(shift.switchboard().atCounter).toEqual(['marie-lenoir']);
  });

  it('picking up without a word to the visitor misses it', () => {
    const shift = run(id, [...before, caller(ring + 2, 'pick-up')], ring + 3);
    expect(of(shift, 'T32.1.simultaneous')).toMatchObject([{ status: 'missed' }]);
  });

  it('serving the visitor while the caller is on an open line is a gap; parking the caller first is not', () => {
    const open = run(id, [...before, visitor(ring + 1, 'excuse-for-call'), caller(ring + 2, 'pick-up'), visitor(ring + 4, 'check-rooms')], ring + 5);
    expect(of(open, 'T32.1.simultaneous').map((o) => o.status)).toEqual(['met', 'partly']);
    const parked = run(
      id,
      [...before, visitor(ring + 1, 'excuse-for-call'), caller(ring + 2, 'pick-up'), caller(ring + 3, 'park'), visitor(ring + 4, 'check-rooms')],
      ring + 5,
    );
    expect(of(parked, 'T32.1.simultaneous').map((o) => o.status)).toEqual(['met']);
    expect(parked.switchboard().lines[0]).toMatchObject({ state: 'parked', lamp: 'winking', announced: 30 });
    expect(
      parked
        .contact('paul-henry')
        .available()
        .map((o) => o.id),
    ).toEqual(['resume']);
  });

  it('letting the phone ring out while serving the visitor is a lost call', () => {
    const shift = run(id, before, ring + 45);
    expect(of(shift, 'T32.1.simultaneous')).toMatchObject([{ status: 'missed' }]);
    expect(shift.callLog.at(-1)).toMatchObject({ kind: 'missed' });
  });

  it('keeps the ring time of the timeline (no jitter surprise in these tests)', () => {
    expect(ring).toBeGreaterThanOrEqual(ringAt(id, 'paul-henry'));
  });
});

describe('the ideal receptionist on a long hold', () => {
  it('comes back to the caller before their patience ends, then offers a callback: the caller never hangs up', async () => {
    const { play } = await import('../../../src/core/policies/play');
    const base = scenario('phone-vague-request');
    // The colleague stays on the phone for four minutes and chasing does not hurry him.
    const contact = { ...base.contacts[0], waiting: { ...base.contacts[0].waiting!, delay: 240, afterChase: 240 } };
    const long = { ...base, contacts: [contact] };
    const r = play(long, rubric, 'ideal', 1);
    const returns = r.actions.filter((a) => a.option === 'come-back');
    expect(returns.length).toBeGreaterThanOrEqual(1);
    expect(r.timeline.some((e) => e.event === 'hangup')).toBe(false);
    expect(r.observations.filter((o) => o.indicator === 'T22.4.hold').every((o) => o.status === 'met')).toBe(true);
    for (const [id, c] of Object.entries(r.criteria)) if (c.level) expect(c.level, id).toBe('TS');
  });
});
