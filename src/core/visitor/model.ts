import type { Lang } from '../schema/common';
import type { Contact, Option } from '../schema/scenario';

type Trait = Contact['visitor']['traits'][number];

/** How the receptionist is addressing the visitor when an option lands. */
export interface Manner {
  speaking: Lang;
  facing: boolean;
}

/** What a receptionist can read on a visitor, on 0–100 scales (50 is neutral mood). */
export interface VisitorState {
  mood: number;
  patience: number;
  trust: number;
  traits: readonly Trait[];
  language: Lang;
  /** Other languages followed with effort. */
  understands?: readonly Lang[];
}

export type Expression = 'smiling' | 'neutral' | 'annoyed' | 'angry';
/** How the visitor spends time: nobody attends to them, they wait informed, or they talk. */
export type Situation = 'unattended' | 'waiting' | 'waitingInformed' | 'dialogue';

const clamp = (n: number) => Math.max(0, Math.min(100, n));

export function initialVisitor(contact: Contact): VisitorState {
  const v = contact.visitor;
  return { mood: v.mood, patience: v.patience, trust: v.trust, traits: v.traits, language: v.language, understands: v.understands };
}

const has = (v: VisitorState, t: Trait) => v.traits.includes(t);

/** A visitor with new feelings, keys in initialVisitor's order (a literal: spreading costs microseconds each second). */
const feelings = (v: VisitorState, mood: number, patience: number, trust: number): VisitorState => ({
  mood,
  patience,
  trust,
  traits: v.traits,
  language: v.language,
  understands: v.understands,
});

const BASE_DRAIN: Record<Situation, number> = { unattended: 1, waiting: 0.5, waitingInformed: 0.2, dialogue: 0.1 };

/** Patience lost per second; traits make it drain faster or slower. */
export function drainRate(v: VisitorState, situation: Situation): number {
  return BASE_DRAIN[situation] * traitFactor(v, situation === 'unattended');
}

/** Asked every simulated second: the traits' factor is kept per traits list (the same multiplications, so the same bits). */
const factors = new WeakMap<readonly Trait[], [number, number]>();
function traitFactor(v: VisitorState, unattended: boolean): number {
  let f = factors.get(v.traits);
  if (!f) factors.set(v.traits, (f = [factorOf(v, false), factorOf(v, true)]));
  return f[unattended ? 1 : 0];
}

function factorOf(v: VisitorState, unattended: boolean): number {
  let factor = 1;
  if (has(v, 'impatient')) factor *= 2;
  if (has(v, 'vip') && unattended) factor *= 1.5;
  if (has(v, 'calm') || has(v, 'talkative')) factor *= 0.6;
  // A courier has the next delivery waiting; someone feeling unwell cannot stand there long.
  if (has(v, 'courier') && unattended) factor *= 1.5;
  if (has(v, 'unwell')) factor *= 1.5;
  return factor;
}

export function drain(v: VisitorState, seconds: number, situation: Situation): VisitorState {
  return feelings(v, v.mood, clamp(v.patience - drainRate(v, situation) * seconds), v.trust);
}

/**
 * How an option lands on this visitor. The scenario gives the plain effect; traits
 * bend it: an aggressive visitor escalates on a poor or provocative reply and calms
 * on empathy, a hesitant one warms to being approached, a VIP resents familiarity,
 * a foreign visitor loses trust when spoken to in a language they do not share.
 */
export function react(v: VisitorState, option: Option, manner: Manner = { speaking: 'fr', facing: true }): VisitorState {
  const e = option.effects ?? {};
  const tags = option.tags ?? [];
  let mood = e.mood ?? 0;
  let trust = e.trust ?? 0;
  let patience = e.patience ?? 0;
  if (has(v, 'aggressive')) {
    if (mood < 0) mood *= 1.5;
    if (tags.includes('provocation')) mood -= 10;
    if (tags.includes('empathy') && mood > 0) mood *= 1.5;
  }
  if (has(v, 'hesitant') && tags.includes('initiative')) trust += 10;
  // A complainant wants the fault owned: an apology lands, a brush-off stings twice.
  if (has(v, 'complainant')) {
    if (tags.includes('apology')) mood += 5;
    if (mood < 0) mood *= 1.5;
  }
  if (
    (has(v, 'elderly') ||
      has(v, 'wheelchair') ||
      has(v, 'hearing-impaired') ||
      has(v, 'lip-reader') ||
      has(v, 'sight-impaired') ||
      has(v, 'confused') ||
      has(v, 'unwell')) &&
    tags.includes('initiative')
  )
    trust += 5;
  if (has(v, 'vip') && option.register === 'familier') mood -= 10;
  // Spoken to in a language they do not share: the words do not land, trust drops.
  const spoken = option.lang ?? manner.speaking;
  if (v.language !== 'fr' || spoken !== 'fr') {
    if (spoken === v.language) trust += 5;
    else if (!v.understands?.includes(spoken)) (mood -= 5), (trust -= 10);
  }
  // A lip-reader or hard-of-hearing visitor does not understand a receptionist who is not facing them.
  if ((has(v, 'lip-reader') || has(v, 'hearing-impaired')) && !manner.facing && option.facing !== true) (trust -= 10), (patience -= 10);
  // Talking to the companion over the visitor's head: a disabled or elderly visitor feels ignored.
  if (option.to && (has(v, 'wheelchair') || has(v, 'elderly') || has(v, 'hearing-impaired') || has(v, 'lip-reader') || has(v, 'sight-impaired')))
    (trust -= 15), (mood -= 10);
  // An inaccessible route wears out a wheelchair user's patience.
  if (has(v, 'wheelchair') && tags.includes('inaccessible')) (patience -= 20), (mood -= 10);
  if (has(v, 'wheelchair') && tags.includes('accessible')) trust += 5;
  return feelings(v, clamp(v.mood + mood), clamp(v.patience + patience), clamp(v.trust + trust));
}

export function expression(v: VisitorState): Expression {
  if (v.mood >= 65) return 'smiling';
  if (v.mood >= 40) return v.patience < 25 ? 'annoyed' : 'neutral';
  if (v.mood >= 20) return 'annoyed';
  return 'angry';
}

export interface Satisfaction {
  /** 0–100: the visitor's own view of the contact, reported beside the criteria. */
  score: number;
  level: 'very-unsatisfied' | 'unsatisfied' | 'satisfied' | 'very-satisfied';
  needMet: boolean;
  walkedOut: boolean;
}

/** The four words a debrief uses for a 0–100 satisfaction score. */
export function satisfactionLevel(score: number): Satisfaction['level'] {
  return score >= 75 ? 'very-satisfied' : score >= 50 ? 'satisfied' : score >= 25 ? 'unsatisfied' : 'very-unsatisfied';
}

export function satisfaction(v: VisitorState, needMet: boolean, walkedOut: boolean): Satisfaction {
  let score = Math.round(0.45 * v.mood + 0.35 * v.trust + (needMet ? 20 : 0));
  if (walkedOut) score = Math.min(score, 15);
  score = clamp(score);
  return { score, level: satisfactionLevel(score), needMet, walkedOut };
}
