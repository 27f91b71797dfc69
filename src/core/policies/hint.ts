import { createRng } from '../rng';
import type { Option } from '../schema/scenario';
import { VALUE } from '../scoring/observation';
import { CLOSE_FILE, type ContactRun } from '../shift/contact-run';
import { DESK, type Shift } from '../shift/shift';
import { forgone, idealChoice, POLICIES } from './policies';

/** What the practice hint points at: an option of a contact (maybe on another line than the one in focus). */
export interface Hint {
  contact: string;
  option: string;
}

/**
 * Acts the rubric observes by itself (the rings, the sign to a visitor, excusing oneself, a hold,
 * a chase): they carry no observation of their own and are still the right move when the ideal makes them.
 */
const OBSERVED_BY_RULE = new Set(['PICK_UP', 'ACKNOWLEDGE', 'EXCUSE', 'PARK', 'RESUME', 'RETURN', 'HOLD', 'CHASE']);

const metBy = (shift: Shift, who: string) => new Set(shift.observations.filter((r) => r.contact === who && r.status === 'met').map((r) => r.indicator));

/** What an option adds that is still to get: met observations on indicators not met yet. */
const gain = (o: Option, met: Set<string>) => (o.observe ?? []).reduce((s, ob) => s + (ob.as === 'met' && !met.has(ob.indicator) ? VALUE.met : 0), 0);
const faulty = (o: Option) => (o.observe ?? []).some((ob) => ob.as !== 'met');

/** Lexicographic order of sort keys. */
const less = (a: number[], b: number[]) => {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i >= 0 && a[i] < b[i];
};

/**
 * An extra (an act that keeps the procedure where it is) whose every indicator is met already,
 * for this contact or for the whole desk at the start of the shift: the phone put away while
 * preparing the desk needs no putting away again.
 */
function redundant(run: ContactRun, o: Option, met: Set<string>, desk: Set<string>): boolean {
  const obs = o.observe ?? [];
  return run.loops(o) && obs.length > 0 && obs.every((ob) => ob.as === 'met' && (met.has(ob.indicator) || desk.has(ob.indicator)));
}

/**
 * The practice hint. It starts from the ideal receptionist's next move (which also knows a call
 * comes before a visitor, excusing oneself first, and a caller on hold due a word), and corrects
 * what a new player reads as misleading:
 * - an extra already done another way is never hinted (the phone put away at the start of the shift);
 * - a filler that earns nothing (« Voilà. », « Bien. ») gives way to the option that moves the contact
 *   forward: one that meets an indicator not yet met, without a fault, closing nothing more than the
 *   filler would. The filler stays the hint only when nothing else moves the contact on.
 * No hint when the right thing is to let time pass.
 */
export function hint(shift: Shift): Hint | undefined {
  const d = POLICIES.ideal.decide(shift, createRng(0));
  if (!('option' in d)) return undefined;
  const run = shift.contact(d.contact);
  const met = metBy(shift, run.id);
  const desk = metBy(shift, DESK);
  let chosen = run.available().find((o) => o.id === d.option);
  if (chosen && redundant(run, chosen, met, desk)) {
    const rest = shift.choices(run).filter((o) => !redundant(run, o, met, desk));
    chosen = rest.length ? idealChoice(run, rest, shift, createRng(0)) : undefined;
  }
  if (!chosen) return undefined;
  if (gain(chosen, met) > 0 || (chosen.observe ?? []).length > 0 || OBSERVED_BY_RULE.has(chosen.act) || chosen.id === CLOSE_FILE)
    return { contact: run.id, option: chosen.id };
  // A filler: the option that moves the contact forward instead, if there is one.
  const bar = forgone(run, chosen, met);
  let best: Option | undefined;
  let bestKey: number[] = [];
  for (const o of run.available()) {
    if (o === chosen || o.id === CLOSE_FILE || faulty(o) || gain(o, met) <= 0 || redundant(run, o, met, desk)) continue;
    const lost = forgone(run, o, met);
    if (lost > bar) continue;
    const key = [lost, run.skipsAhead(o) ? 1 : 0, run.loops(o) ? 0 : 1, -gain(o, met)];
    if (!best || less(key, bestKey)) (best = o), (bestKey = key);
  }
  return { contact: run.id, option: (best ?? chosen).id };
}
