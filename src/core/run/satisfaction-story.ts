import type { Run } from '../result';
import { resultOf } from '../result';
import type { Rubric } from '../schema/rubric';
import type { Scenario } from '../schema/scenario';
import { DESK, Shift } from '../shift/shift';
import { type Expression, expression, initialVisitor, type Satisfaction, type VisitorState } from '../visitor/model';

/** What a visitor or caller feels, on the 0–100 scales the satisfaction is made of. */
export interface Feelings {
  mood: number;
  trust: number;
  patience: number;
}

/** One thing that changed how the visitor felt: an act of the receptionist, or a wait that ran out their patience. */
export interface FeelingMove {
  t: number;
  kind: 'act' | 'wait';
  /** The option chosen (kind act). */
  option?: string;
  /** Changes, in points (0–100 scales). */
  mood: number;
  trust: number;
}

/** Why a contact's satisfaction is what it is: where they started, what moved them, where they ended, the sum. */
export interface SatisfactionStory {
  contact: string;
  start: Feelings;
  end: Feelings;
  /** How they looked at the end (the hall's face). */
  expression: Expression;
  moves: FeelingMove[];
  /** The satisfaction's parts: 45 % of the mood, 35 % of the trust, 20 when the need was met; a walk-out caps it. */
  parts: { mood: number; trust: number; need: number; cap: number | null };
  satisfaction: Satisfaction;
}

const feelings = (v: VisitorState): Feelings => ({ mood: v.mood, trust: v.trust, patience: v.patience });
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Replays a run second by second and tells, for each contact that came, what moved their
 * satisfaction (visitor/model.ts `satisfaction`): each act that changed their mood or trust,
 * each wait that ran out their patience (a complaint costs mood), and the need met or not.
 * Mood and trust change only through these, so the story adds up to the score.
 */
export function satisfactionStory(scenario: Scenario, rubric: Rubric, run: Run): SatisfactionStory[] {
  const shift = new Shift(scenario, rubric, run.seed);
  for (const a of run.actions) if (a.contact === DESK) shift.prepare(a.option);
  shift.openDesk();
  const moves = new Map<string, FeelingMove[]>();
  const last = new Map<string, Feelings>();
  /** Mood or trust that changed since last seen, with nothing done: a wait. */
  const settle = () => {
    for (const c of shift.contacts) {
      if (c.arrivedAt === undefined) continue;
      const now = feelings(c.visitor);
      const was = last.get(c.id) ?? feelings(initialVisitor(c.def));
      if (now.mood !== was.mood || now.trust !== was.trust)
        moves.set(c.id, [...(moves.get(c.id) ?? []), { t: shift.now, kind: 'wait', mood: round(now.mood - was.mood), trust: round(now.trust - was.trust) }]);
      last.set(c.id, now);
    }
  };
  const advanceTo = (t: number) => {
    while (shift.now < t && !shift.finished) {
      shift.advance(1);
      settle();
    }
    if (shift.now < t) shift.advance(t - shift.now);
  };
  for (const a of run.actions) {
    if (a.contact === DESK) continue;
    advanceTo(a.t);
    if (shift.finished) break;
    const c = shift.contact(a.contact);
    const before = c.arrivedAt === undefined ? undefined : feelings(c.visitor);
    shift.act(a.contact, a.option, a.input);
    if (!before) continue;
    const after = feelings(c.visitor);
    if (after.mood !== before.mood || after.trust !== before.trust)
      moves.set(c.id, [
        ...(moves.get(c.id) ?? []),
        { t: shift.now, kind: 'act', option: a.option, mood: round(after.mood - before.mood), trust: round(after.trust - before.trust) },
      ]);
    last.set(c.id, after);
  }
  advanceTo(run.end);
  settle();
  const result = resultOf(shift);
  return result.contacts.map(({ id, satisfaction }) => {
    const c = shift.contact(id);
    const end = feelings(c.visitor);
    return {
      contact: id,
      start: feelings(initialVisitor(c.def)),
      end,
      expression: expression(c.visitor),
      moves: moves.get(id) ?? [],
      parts: { mood: round(0.45 * end.mood), trust: round(0.35 * end.trust), need: satisfaction.needMet ? 20 : 0, cap: satisfaction.walkedOut ? 15 : null },
      satisfaction,
    };
  });
}
