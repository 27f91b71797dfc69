// Every path of every call machine reaches a final state (the requirement), the
// call visit machine walks the phone procedure (transfer, hold and return, hang-up), and
// the fast run and lookup tables agree with XState for calls as they do face to face.
import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, type AnyMachineSnapshot, type AnyStateMachine, createActor, getInitialSnapshot, getNextSnapshot } from 'xstate';
import { CALL_MACHINES } from '../../../src/core/machines/index';
import { PHASE_EVENTS, tablesOn } from '../../../src/core/machines/phase-table';
import { ALL_ACTS, CALL_ACTS, PHASES, type Phase } from '../../../src/core/machines/procedure';
import { callMachine } from '../../../src/core/machines/visit';
import type { VisitEvent } from '../../../src/core/machines/visit-context';
import { VisitRun } from '../../../src/core/machines/visit-run';

const eventsOf = (phase: Phase) => [...CALL_ACTS[phase], 'COLLEAGUE_ARRIVED'].map((type) => ({ type }));

describe.each(PHASES)('%s call machine', (phase) => {
  const machine = CALL_MACHINES[phase] as AnyStateMachine;
  const events = eventsOf(phase);
  const paths = getSimplePaths(machine, { events });

  it('has every state reachable', () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(Object.keys(machine.states).sort());
  });

  it('every path reaches a final state (no caller is ever stuck in a phase)', () => {
    expect(paths.length).toBeGreaterThanOrEqual(Object.keys(machine.states).length);
    for (const path of paths) {
      const onward = getShortestPaths(machine, { events, fromState: path.state });
      expect(
        onward.some((p) => p.state.status === 'done'),
        `stuck after ${path.steps.map((s) => s.event.type).join(' → ')}`,
      ).toBe(true);
    }
  });

  it('gives an outcome on every final state', () => {
    for (const path of paths.filter((p) => p.state.status === 'done')) expect(path.state.output).toEqual({ outcome: expect.any(String) });
  });

  it('agrees with its lookup table state by state', () => {
    const table = tablesOn('phone')[phase];
    const seen = new Map<string, AnyMachineSnapshot>();
    const queue = [getInitialSnapshot(machine)];
    while (queue.length) {
      const snap = queue.shift()!;
      if (seen.has(String(snap.value))) continue;
      seen.set(String(snap.value), snap);
      for (const type of PHASE_EVENTS) if (snap.can({ type })) queue.push(getNextSnapshot(machine, snap, { type }));
    }
    expect(Object.keys(table.states).sort()).toEqual([...seen.keys()].sort());
    for (const [name, snap] of seen) {
      expect(table.states[name].canLeave, name).toBe(snap.hasTag('canLeave'));
      for (const type of PHASE_EVENTS) expect(table.states[name].next.has(type), `${name} ${type}`).toBe(snap.status !== 'done' && snap.can({ type }));
    }
  });
});

it('nothing can be skipped while the phone rings', () => {
  const snap = getInitialSnapshot(CALL_MACHINES.greeting as AnyStateMachine);
  expect(snap.value).toBe('ringing');
  expect(snap.hasTag('canLeave')).toBe(false);
  expect(snap.can({ type: 'GREET' })).toBe(false);
});

describe('call (visit machine on the phone)', () => {
  const visitor = { mood: 50, patience: 50, trust: 50, traits: ['calm'] as const, language: 'fr' as const };
  const drive = (types: string[]) => {
    const actor = createActor(callMachine, { input: { visitor, speaking: 'fr' } }).start();
    const seen = [String(actor.getSnapshot().value)];
    for (const type of types) {
      actor.send(
        type === 'SKIP' || type === 'COLLEAGUE_ARRIVED' || type === 'ABANDON'
          ? ({ type } as VisitEvent)
          : { type: 'DO', details: { option: type.toLowerCase(), act: type, addresses: true } },
      );
      const v = String(actor.getSnapshot().value);
      if (seen.at(-1) !== v) seen.push(v);
    }
    return { seen, ctx: actor.getSnapshot().context };
  };
  const answer = ['PICK_UP', 'GREET', 'IDENTIFY', 'ASK_PURPOSE', 'ADMIT'];

  it('ends at the transfer: no leave-taking after the caller is put through', () => {
    const run = drive([...answer, 'TRANSFER']);
    expect(run.seen).toEqual(['greeting', 'screening', 'handling', 'done']);
    expect(run.ctx.outcomes.handling).toBe('transferred');
  });

  it('holds, comes back, and transfers once the colleague is free', () => {
    const run = drive([...answer, 'HOLD', 'RETURN', 'TRANSFER', 'COLLEAGUE_ARRIVED', 'TRANSFER']);
    expect(run.seen).toEqual(['greeting', 'screening', 'handling', 'waiting', 'done']);
    expect(run.ctx.outcomes).toMatchObject({ handling: 'wait', waiting: 'transferred' });
  });

  it('takes a message instead when the colleague stays busy, then takes leave', () => {
    const run = drive([...answer, 'HOLD', 'RETURN', 'ANSWER', 'CHECK_SATISFACTION', 'GOODBYE']);
    expect(run.seen).toEqual(['greeting', 'screening', 'handling', 'waiting', 'leave', 'done']);
    expect(run.ctx.outcomes.waiting).toBe('resolved');
  });

  it('refuses (filtering) and still answers with an alternative', () => {
    const run = drive(['PICK_UP', 'GREET', 'IDENTIFY', 'REFUSE', 'ANSWER', 'MOVE_ON', 'GOODBYE']);
    expect(run.seen.at(-1)).toBe('done');
    expect(run.ctx.outcomes.screening).toBe('refused');
  });

  it('a caller who hangs up while ringing or on hold leaves the call "left"', () => {
    expect(drive(['ABANDON']).seen).toEqual(['greeting', 'left']);
    expect(drive([...answer, 'HOLD', 'ABANDON']).seen.at(-1)).toBe('left');
  });

  it('the fast run agrees with the call machine on random event sequences', () => {
    const details = fc.record(
      { option: fc.constantFrom('a', 'b'), act: fc.constantFrom(...ALL_ACTS, 'NO_SUCH_ACT'), addresses: fc.boolean(), solves: fc.boolean() },
      { requiredKeys: ['option', 'act', 'addresses'] },
    );
    const event: fc.Arbitrary<VisitEvent> = fc.oneof(
      { weight: 8, arbitrary: details.map((d) => ({ type: 'DO' as const, details: d })) },
      { weight: 2, arbitrary: fc.constant({ type: 'SKIP' as const }) },
      { weight: 1, arbitrary: fc.constant({ type: 'COLLEAGUE_ARRIVED' as const }) },
      { weight: 1, arbitrary: fc.constant({ type: 'ABANDON' as const }) },
    );
    const view = (actor: Actor<typeof callMachine>) => {
      const snap = actor.getSnapshot();
      const child = snap.children.phase as Actor<AnyStateMachine> | undefined;
      const state = child?.getSnapshot().value;
      return { value: snap.value, phaseState: state === undefined ? undefined : String(state), context: snap.context };
    };
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const actor = createActor(callMachine, { input: { visitor, speaking: 'fr' } }).start();
        const run = new VisitRun({ visitor, speaking: 'fr' }, 'phone');
        for (const e of events) {
          actor.send(e);
          run.send(e);
          expect({ value: run.value, phaseState: run.phaseState, context: run.context }).toEqual(view(actor));
        }
      }),
      { numRuns: 1500 },
    );
  });
});
