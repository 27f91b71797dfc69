import type { Policy } from '../policies/policies';
import { POLICIES } from '../policies/policies';
import type { Rubric } from '../schema/rubric';
import type { Observation, Option } from '../schema/scenario';

/**
 * Archetype players for the audit: the ideal receptionist who, each time the scenario
 * offers it, does one kind of fault from the shared behaviour library (once per contact),
 * and otherwise plays well — so what the fault costs shows on its own. The hold
 * abandoner puts a caller on hold and never comes back.
 */
export const ARCHETYPES = {
  leaker: ['leak-whereabouts', 'leak-absence-reason'],
  insulter: ['shout-back', 'sharp-retort', 'remark-about-visitor'],
  'wrong-orientation': ['wrong-orientation', 'wrong-info-unchecked', 'send-up-alone'],
  'personal-phone': ['personal-phone'],
} as const;
export type FaultArchetype = keyof typeof ARCHETYPES;

/** Behaviour → rubric id → the observations the library fixes (and the words that show it). */
export type Library = ReadonlyMap<string, { observe: Record<string, Observation[]>; keywords: string[] }>;

/** An option is a library behaviour when it carries every observation the library fixes for it on this rubric. */
export function isBehaviour(option: Option, behaviour: string, rubric: Rubric, library: Library): boolean {
  const fixed = library.get(behaviour)?.observe[rubric.id];
  if (!fixed?.length) return false;
  return fixed.every((f) => option.observe?.some((o) => o.indicator === f.indicator && o.as === f.as));
}

/** The ideal player, doing this archetype's fault whenever it is on offer. */
export function faultPlayer(name: FaultArchetype, rubric: Rubric, library: Library): Policy & { faults: Set<string> } {
  const ideal = POLICIES.ideal;
  const faults = new Set<string>();
  return {
    name,
    faults,
    prepare: ideal.prepare,
    decide(shift, rng) {
      const run = shift.attended();
      const fault = run?.available().find((o) => !faults.has(`${run.id} ${o.id}`) && ARCHETYPES[name].some((b) => isBehaviour(o, b, rubric, library)));
      if (run && fault) {
        faults.add(`${run.id} ${fault.id}`);
        return { contact: run.id, option: fault.id, after: 2, input: fault.tool ? {} : undefined };
      }
      return ideal.decide(shift, rng);
    },
  };
}

/** Puts the first caller it can on hold, then leaves them there; plays well otherwise. */
export function holdAbandoner(): Policy & { faults: Set<string> } {
  const ideal = POLICIES.ideal;
  const faults = new Set<string>();
  return {
    name: 'hold-abandoner',
    faults,
    prepare: ideal.prepare,
    decide(shift, rng) {
      const held = shift.contacts.find((c) => faults.has(c.id) && c.status === 'present');
      if (held) return { wait: 1 }; // nobody comes back to them
      const run = shift.attended();
      const hold = run?.channel === 'phone' && !faults.size ? run.available().find((o) => o.act === 'HOLD' || o.act === 'PARK') : undefined;
      if (run && hold) {
        faults.add(run.id);
        return { contact: run.id, option: hold.id, after: 2 };
      }
      return ideal.decide(shift, rng);
    },
  };
}
