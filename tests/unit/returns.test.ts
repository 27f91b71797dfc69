// A contact that comes after another leaves (format wall removed): a visitor sent the wrong way
// comes back, a caller told to ring back rings — only if the condition held when the first left.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { resultOf } from '../../src/core/result';
import { Shift } from '../../src/core/shift/shift';
import { loadFixture } from './load-fixture';

function withReturn(condition: object, leaves = 'bob') {
  const doc = parse(readFileSync('tests/fixtures/base.yaml', 'utf8'));
  const back = structuredClone(doc.contacts[0]);
  back.id = 'bob-back';
  doc.id = 'comes-back';
  doc.contacts.push(back);
  doc.timeline.push({ at: 30, event: 'arrival', contact: 'bob-back', after: { leaves, if: condition } });
  return stringify(doc);
}

const ACTS = ['stand-up', 'hello', 'ask', 'check', 'admit', 'rephrase', 'anything', 'bye'];

function playBob(text: string) {
  const { scenario, rubric } = loadFixture('comes-back.yaml', text);
  const shift = new Shift(scenario, rubric, 1);
  shift.openDesk();
  shift.advance(6);
  for (const option of ACTS) {
    shift.act('bob', option);
    shift.advance(1);
  }
  const leftAt = shift.now - 1;
  return { shift, leftAt };
}

describe('a visitor who comes back after leaving', () => {
  it('arrives the given seconds after the first contact left when the condition held', () => {
    const { shift, leftAt } = playBob(withReturn({ done: ['admit'] }));
    shift.advance(40);
    expect(shift.contact('bob-back').arrivedAt).toBe(leftAt + 30);
  });

  it('never arrives when the condition did not hold, and the shift ends without waiting for them', () => {
    const { shift } = playBob(withReturn({ notDone: ['admit'] }));
    shift.act('bob', 'close-file');
    for (let i = 0; i < 600 && !shift.finished; i++) shift.advance(1);
    expect(shift.finished).toBe(true);
    expect(shift.now).toBeLessThan(300);
    expect(resultOf(shift).contacts.map((c) => c.id)).toEqual(['bob']);
  });

  it('is refused with its line when the contact it waits for, or an option in its condition, does not exist', () => {
    expect(() => loadFixture('comes-back.yaml', withReturn({ done: ['admitt'] }))).toThrow(/"admitt" is neither an option of contact "bob" nor an act/);
    expect(() => loadFixture('comes-back.yaml', withReturn({ done: ['admit'] }, 'bobb'))).toThrow(/unknown contact "bobb"/);
  });
});
