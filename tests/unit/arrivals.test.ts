import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { ArrivalStream } from '../../src/core/shift/arrivals';
import { ActError, Shift } from '../../src/core/shift/shift';

const catalog = loadFromDisk();
const scenario = catalog.scenarios.find((s) => s.id === 'supplier-appointment')!;
const rubric = catalog.rubrics.get(scenario.rubric)!;

/** Who arrives when, over an hour fed minute by minute. */
function stream(seed: number) {
  const shift = new Shift({ ...scenario, timeLimit: 3600 }, rubric, seed);
  const arrivals = new ArrivalStream(scenario, seed, { min: 60, max: 180 });
  while (!shift.finished && shift.now < 3500) {
    arrivals.feed(shift, 60);
    shift.advance(60);
  }
  return shift.contacts.map((c) => `${c.id}@${c.arrivedAt}`);
}

describe('continuous arrivals', () => {
  it('are the same for the same seed, and others for another', () => {
    const a = stream(3);
    expect(a.length).toBeGreaterThan(3600 / 180);
    expect(stream(3)).toEqual(a);
    expect(stream(4)).not.toEqual(a);
  });

  it('give each visitor an id of their own, with the script of the contact copied', () => {
    const shift = new Shift({ ...scenario, timeLimit: 3600 }, rubric, 1);
    new ArrivalStream(scenario, 1, { min: 60, max: 60 }).feed(shift, 200);
    expect(shift.contacts.map((c) => c.id)).toEqual(['paul-martin', 'paul-martin~1', 'paul-martin~2', 'paul-martin~3']);
    expect(shift.contacts[2].def.phases).toBe(scenario.contacts[0].phases);
  });

  it('refuse a visitor arriving in the past or twice, and gaps under a second', () => {
    const shift = new Shift(scenario, rubric, 1);
    shift.advance(10);
    expect(() => shift.admit({ ...scenario.contacts[0], id: 'x~1' }, 5)).toThrow(ActError);
    expect(() => shift.admit(scenario.contacts[0], 20)).toThrow(/already/);
    expect(() => new ArrivalStream(scenario, 1, { min: 0, max: 10 })).toThrow(/gaps/);
  });
});
