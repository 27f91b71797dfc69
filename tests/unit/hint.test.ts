// The practice hint (issue 22): it points at the option that moves the contact forward — never
// an extra already done another way (the phone put away while preparing the desk), never a
// filler (« Voilà. », « Bien. ») when an option meets an indicator still unmet.
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { hint } from '../../src/core/policies/hint';
import { play, playWith } from '../../src/core/policies/play';
import { faithful, POLICIES, type Policy } from '../../src/core/policies/policies';
import { createRng } from '../../src/core/rng';
import type { Option } from '../../src/core/schema/scenario';
import { Shift } from '../../src/core/shift/shift';

const catalog = loadFromDisk();
const scenario = (id: string) => catalog.scenarios.find((s) => s.id === id)!;
const rubricOf = (id: string) => catalog.rubrics.get(scenario(id).rubric)!;
const levels = (r: { criteria: Record<string, { level: string | null }> }) => Object.fromEntries(Object.entries(r.criteria).map(([k, c]) => [k, c.level]));

/** A student who does what the hint says, a couple of seconds after it shows, and waits when there is none. */
type Seen = { option: Option; contact: string; alreadyMet: boolean };
function hintedPolicy(seen: Seen[]): Policy {
  return {
    name: 'hinted',
    prepare: POLICIES.ideal.prepare,
    decide(shift) {
      const h = hint(shift);
      if (!h) return { wait: Math.min(5, shift.nextEventIn() || 1) };
      const run = shift.contact(h.contact);
      const option = run.available().find((o) => o.id === h.option)!;
      // An extra whose every indicator is met already, by this contact or by the desk's preparation.
      const met = new Set(shift.observations.filter((o) => (o.contact === h.contact || o.contact === 'desk') && o.status === 'met').map((o) => o.indicator));
      const obs = option.observe ?? [];
      const alreadyMet = run.loops(option) && obs.length > 0 && obs.every((o) => o.as === 'met' && met.has(o.indicator));
      seen.push({ option, contact: h.contact, alreadyMet });
      return { contact: h.contact, option: h.option, after: 2, input: option.tool ? faithful(run, shift) : undefined };
    },
  };
}

describe('practice hint', () => {
  it('never says to put the phone away when the desk was tidied before opening', () => {
    const id = 'supplier-appointment';
    const shift = new Shift(scenario(id), rubricOf(id), 1);
    for (const item of POLICIES.ideal.prepare(shift, createRng(1))) shift.prepare(item);
    expect(shift.prepared).toContain('tidy-desk');
    shift.openDesk();
    shift.advance(15); // the visitor is at the counter
    const h = hint(shift);
    expect(h).toBeDefined();
    expect(h!.option).not.toBe('phone-away');
    // Played to the end by the hint, the phone is never suggested, and nothing is lost for it.
    const seen: Seen[] = [];
    const r = playWith(scenario(id), rubricOf(id), hintedPolicy(seen), 1);
    expect(seen.map((s) => s.option.id)).not.toContain('phone-away');
    expect(levels(r)).toEqual(levels(play(scenario(id), rubricOf(id), 'ideal', 1)));
  });

  it('a desk left untidied still hears about the phone', () => {
    const id = 'supplier-appointment';
    const shift = new Shift(scenario(id), rubricOf(id), 1);
    shift.prepare('business');
    shift.openDesk();
    shift.advance(15);
    const hinted: string[] = [];
    for (let i = 0; i < 4; i++) {
      const h = hint(shift)!;
      hinted.push(h.option);
      shift.act(h.contact, h.option);
    }
    expect(hinted).toContain('phone-away');
  });

  it('points at checking satisfaction, not at « Bien. », once the message is taken', () => {
    const id = 'phone-absent-message';
    const seen: Seen[] = [];
    playWith(scenario(id), rubricOf(id), hintedPolicy(seen), 1);
    const ids = seen.map((s) => s.option.id);
    expect(ids).not.toContain('move-on');
    expect(ids.indexOf('anything-else')).toBeGreaterThan(ids.indexOf('slip'));
  });

  it.each(catalog.scenarios.map((s) => s.id))(
    '%s: the hint never points at a filler or an extra already done, and following it reaches the ideal levels',
    (id) => {
      const seen: Seen[] = [];
      const r = playWith(scenario(id), rubricOf(id), hintedPolicy(seen), 1);
      for (const { option } of seen) {
        // « Voilà. », « Bien. »: an act that moves on and shows nothing.
        expect(option.act === 'MOVE_ON' && !(option.observe ?? []).length, `${id}: hinted the filler ${option.id}`).toBe(false);
      }
      expect(seen.filter((s) => s.alreadyMet).map((s) => s.option.id)).toEqual([]);
      const ideal = play(scenario(id), rubricOf(id), 'ideal', 1);
      expect(levels(r)).toEqual(levels(ideal));
    },
  );
});
