import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, type AnyStateMachine, createActor } from 'xstate';
import { ALL_ACTS } from '../../src/core/machines/procedure';
import { visitMachine } from '../../src/core/machines/visit';
import type { VisitEvent } from '../../src/core/machines/visit-context';
import { VisitRun } from '../../src/core/machines/visit-run';

// The fast visit run must be the visit machine: same state, phase state and context after every event.
const visitor = { mood: 50, patience: 50, trust: 50, traits: ['calm'] as const, language: 'fr' as const };

const details = fc.record(
  {
    option: fc.constantFrom('a', 'b', 'c'),
    act: fc.constantFrom(...ALL_ACTS, 'NO_SUCH_ACT'),
    posture: fc.constantFrom('seated', 'standing', 'walking' as const),
    facing: fc.boolean(),
    typing: fc.boolean(),
    lang: fc.constantFrom('fr', 'en', 'es' as const),
    addresses: fc.boolean(),
    calls: fc.constantFrom('dupont', 'martin'),
    solves: fc.boolean(),
  },
  { requiredKeys: ['option', 'act', 'addresses'] },
);
const event: fc.Arbitrary<VisitEvent> = fc.oneof(
  { weight: 6, arbitrary: details.map((d) => ({ type: 'DO' as const, details: d })) },
  { weight: 2, arbitrary: fc.constant({ type: 'SKIP' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'COLLEAGUE_ARRIVED' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'ABANDON' as const }) },
  { weight: 2, arbitrary: fc.nat(100).map((mood) => ({ type: 'FEEL' as const, visitor: { ...visitor, mood } })) },
);

function xstateView(actor: Actor<typeof visitMachine>) {
  const snap = actor.getSnapshot();
  const child = snap.children.phase as Actor<AnyStateMachine> | undefined;
  const state = child?.getSnapshot().value;
  return { value: snap.value, phaseState: state === undefined ? undefined : String(state), context: snap.context };
}

describe('visit run', () => {
  it('agrees with the XState visit machine on random event sequences', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const actor = createActor(visitMachine, { input: { visitor, speaking: 'fr' } }).start();
        const run = new VisitRun({ visitor, speaking: 'fr' });
        expect({ value: run.value, phaseState: run.phaseState, context: run.context }).toEqual(xstateView(actor));
        for (const e of events) {
          actor.send(e);
          run.send(e);
          expect({ value: run.value, phaseState: run.phaseState, context: run.context }).toEqual(xstateView(actor));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('walks the whole procedure like the machine (an ideal path with a deferral)', () => {
    const acts = ['GREET', 'IDENTIFY', 'ASK_PURPOSE', 'CONSULT', 'ADMIT', 'REGISTER', 'ASK', 'DEFER', 'SEAT', 'ANNOUNCE_WAIT'];
    const actor = createActor(visitMachine, { input: { visitor, speaking: 'fr' } }).start();
    const run = new VisitRun({ visitor, speaking: 'fr' });
    const events: VisitEvent[] = [
      ...acts.map((act) => ({ type: 'DO' as const, details: { option: act, act, addresses: true } })),
      { type: 'COLLEAGUE_ARRIVED' },
      ...['HAND_OVER', 'CHECK_SATISFACTION', 'GOODBYE', 'NOTE'].map((act) => ({ type: 'DO' as const, details: { option: act, act, addresses: true } })),
    ];
    for (const e of events) {
      actor.send(e);
      run.send(e);
      expect({ value: run.value, phaseState: run.phaseState, context: run.context }).toEqual(xstateView(actor));
    }
    expect(run.value).toBe('done');
    expect(run.context.outcomes).toEqual({ greeting: 'identified', screening: 'admitted', handling: 'wait', waiting: 'handedOver', leave: 'concluded' });
  });
});
