import { createRng, type Rng } from '../rng';
import type { Contact, Scenario } from '../schema/scenario';
import type { Shift } from './shift';

/** Seconds between two arrivals, drawn uniformly in [min, max]. */
export interface Gap {
  min: number;
  max: number;
}

/**
 * Continuous arrivals, for long headless shifts (endurance tests, load studies): an
 * endless stream of visitors drawn from a scenario's contacts, each a copy with an id of
 * its own ("paul-martin~17", a character no scenario id may use), arriving a drawn gap
 * after the previous one. Pure: its own seeded dice, no clock, so the same scenario,
 * seed and gap give the same stream. Copies share their script with the original.
 *
 *   const shift = new Shift({ ...scenario, timeLimit: 8 * 3600 }, rubric, seed);
 *   const stream = new ArrivalStream(scenario, seed, { min: 120, max: 360 });
 *   stream.feed(shift, 60); // before each move of the clock: arrivals of the next minute
 */
export class ArrivalStream {
  private readonly rng: Rng;
  private count = 0;
  private upcoming: { at: number; contact: Contact };

  constructor(
    private readonly scenario: Scenario,
    seed: number,
    private readonly gap: Gap,
    start = 0,
  ) {
    if (!(gap.min >= 1 && gap.max >= gap.min && Number.isFinite(gap.max)))
      throw new Error(`arrival gaps must be 1 s or more, min ≤ max, got ${gap.min}–${gap.max}`);
    this.rng = createRng(seed ^ 0xa441);
    this.upcoming = this.draw(start);
  }

  /** Visitors admitted so far. */
  get admitted(): number {
    return this.count;
  }

  private draw(after: number) {
    const def = this.rng.pick(this.scenario.contacts);
    return { at: after + this.rng.int(this.gap.min, this.gap.max), contact: { ...def, id: `${def.id}~${this.count + 1}` } };
  }

  /** Admits into the shift every visitor due within `horizon` seconds from its clock (and before its time limit). */
  feed(shift: Shift, horizon: number): void {
    const until = Math.min(shift.now + horizon, shift.scenario.timeLimit - 1);
    while (this.upcoming.at <= until) {
      shift.admit(this.upcoming.contact, Math.max(shift.now, this.upcoming.at));
      this.count++;
      this.upcoming = this.draw(this.upcoming.at);
    }
  }
}
