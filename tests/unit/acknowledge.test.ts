// CP2 « l'arrivée du visiteur est rapidement prise en compte »: a visitor kept waiting while
// the student served someone else is a lesser gap (a sign was owed) than one simply ignored.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { Shift } from '../../src/core/shift/shift';
import { loadFixture } from './load-fixture';

// The base fixture with a second visitor, Bea, arriving at 8 s while Bob (5 s) is at the desk.
const doc = parse(readFileSync('tests/fixtures/base.yaml', 'utf8'));
const bea = structuredClone(doc.contacts[0]);
bea.id = 'bea';
bea.visitor.name = 'Bea Stone';
bea.visitor.civility = 'Madame';
doc.id = 'two-visitors';
doc.contacts.push(bea);
doc.timeline.push({ at: 8, event: 'arrival', contact: 'bea' });
const { scenario, rubric } = loadFixture('two-visitors.yaml', stringify(doc));

function ackOfBea(serveBob: boolean) {
  const shift = new Shift(scenario, rubric, 1);
  shift.openDesk();
  const acts: [number, string, string][] = [
    [6, 'bob', 'stand-up'],
    ...(serveBob
      ? ([
          [12, 'bob', 'hello'],
          [20, 'bob', 'ask'],
        ] as [number, string, string][])
      : []),
    [30, 'bea', 'hello'],
  ];
  for (const [t, contact, option] of acts) {
    shift.advance(t - shift.now);
    shift.act(contact, option);
  }
  return shift.observations.find((o) => o.contact === 'bea' && o.indicator === 'CP2.ack');
}

describe('acknowledging an arrival', () => {
  it('22 s while serving another visitor is a lesser gap (partly), saying why', () => {
    const record = ackOfBea(true);
    expect(record).toMatchObject({ status: 'partly', kind: 'timing', seconds: 22 });
    expect(record?.why?.fr).toContain("quelqu'un d'autre");
  });

  it('22 s with nobody else being served is the visitor ignored (missed)', () => {
    expect(ackOfBea(false)).toMatchObject({ status: 'missed', kind: 'timing', seconds: 22 });
  });
});
