import type { Rubric } from './schema/rubric';
import type { Scenario } from './schema/scenario';
import type { ObservationRecord } from './scoring/observation';
import { type CriterionScore, scoreCriteria } from './scoring/score';
import { type Action, DESK, type LogEntry, Shift } from './shift/shift';
import { type Satisfaction, satisfaction, satisfactionLevel } from './visitor/model';

/** Everything needed to replay a shift exactly. */
export interface Run {
  scenario: string;
  seed: number;
  actions: Action[];
  /** Shift clock when the run stopped (time keeps weighing after the last act). */
  end: number;
}

export interface ShiftResult extends Run {
  rubric: string;
  criteria: Record<string, CriterionScore>;
  /** The outcome, reported beside the criteria and never mixed into them. */
  satisfaction: Satisfaction;
  contacts: { id: string; satisfaction: Satisfaction }[];
  timeline: LogEntry[];
  observations: ObservationRecord[];
}

export function resultOf(shift: Shift): ShiftResult {
  const contacts = shift.contacts
    .filter((c) => c.arrivedAt !== undefined)
    .map((c) => ({ id: c.id, satisfaction: satisfaction(c.visitor, c.ctx.solved && !needBroken(shift, c.id), c.walkedOut) }));
  const mean = Math.round(contacts.reduce((s, c) => s + c.satisfaction.score, 0) / Math.max(1, contacts.length));
  const overall =
    contacts.length === 1
      ? contacts[0].satisfaction
      : ({
          score: mean,
          level: satisfactionLevel(mean),
          needMet: contacts.every((c) => c.satisfaction.needMet),
          walkedOut: contacts.some((c) => c.satisfaction.walkedOut),
        } satisfies Satisfaction);
  return {
    scenario: shift.scenario.id,
    seed: shift.seed,
    rubric: shift.rubric.id,
    criteria: scoreCriteria(shift.rubric, [...shift.observations], shift.essential),
    satisfaction: overall,
    contacts,
    actions: [...shift.actions],
    end: shift.now,
    timeline: [...shift.log],
    observations: [...shift.observations],
  };
}

/** A pleased visitor sent to an empty office is not satisfied: a breached need is not met. */
const needBroken = (shift: Shift, contact: string) =>
  shift.observations.some((o) => o.contact === contact && o.indicator.endsWith('.need') && o.status !== 'met' && o.status !== 'partly');

/** Rebuilds a shift from its run: same scenario, seed and timed acts, same state. */
export function replay(scenario: Scenario, rubric: Rubric, run: Run): Shift {
  if (run.scenario !== scenario.id) throw new Error(`run is for scenario "${run.scenario}", not "${scenario.id}"`);
  const shift = new Shift(scenario, rubric, run.seed);
  for (const a of run.actions) {
    if (a.contact === DESK) {
      shift.prepare(a.option);
      continue;
    }
    if (!Number.isInteger(a.t) || a.t < shift.now) throw new Error(`actions must have whole, non-decreasing times: t=${a.t} comes after t=${shift.now}`);
    shift.advance(a.t - shift.now);
    shift.act(a.contact, a.option, a.input);
  }
  shift.openDesk();
  shift.advance(Math.max(0, run.end - shift.now));
  return shift;
}
