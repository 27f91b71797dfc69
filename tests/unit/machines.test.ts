import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, createActor } from 'xstate';
import { PHASE_MACHINES } from '../../src/core/machines/index';
import { ACTS, PHASES, type Phase } from '../../src/core/machines/procedure';
import { visitMachine } from '../../src/core/machines/visit';

const eventsOf = (phase: Phase) => [...ACTS[phase], 'COLLEAGUE_ARRIVED'].map((type) => ({ type }));

describe.each(PHASES)('%s phase machine', (phase) => {
  const machine = PHASE_MACHINES[phase] as AnyStateMachine;
  const events = eventsOf(phase);
  const paths = getSimplePaths(machine, { events });

  it('has every state reachable', () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(Object.keys(machine.states).sort());
  });

  it('lets every path go on to a final state, or to a state the student may leave for the next phase', () => {
    expect(paths.length).toBeGreaterThan(Object.keys(machine.states).length - 1);
    for (const path of paths) {
      if (path.state.status === 'done') continue;
      const onward = getShortestPaths(machine, { events, fromState: path.state });
      const route = onward.find((p) => p.state.status === 'done' || (phase !== 'leave' && p.state.hasTag('canLeave')));
      expect(route, `stuck after ${path.steps.map((s) => s.event.type).join(' → ')}`).toBeDefined();
    }
  });

  it('every path reaches a final state when the student never skips', () => {
    for (const path of paths) {
      const onward = getShortestPaths(machine, { events, fromState: path.state });
      expect(onward.some((p) => p.state.status === 'done')).toBe(true);
    }
  });

  it('gives an output on every final state', () => {
    for (const path of paths.filter((p) => p.state.status === 'done')) {
      expect(path.state.output).toEqual({ outcome: expect.any(String) });
    }
  });
});

describe('visit machine', () => {
  const visitor = { mood: 50, patience: 50, trust: 50, traits: ['calm'] as const, language: 'fr' as const };
  const start = () => createActor(visitMachine, { input: { visitor, speaking: 'fr' } }).start();
  const send = (actor: ReturnType<typeof start>, type: string) =>
    actor.send(
      type === 'SKIP' || type === 'COLLEAGUE_ARRIVED'
        ? ({ type } as never)
        : { type: 'DO', details: { option: type.toLowerCase(), act: type, addresses: true } },
    );
  const drive = (acts: string[]) => {
    const actor = start();
    const seen: string[] = [String(actor.getSnapshot().value)];
    for (const type of acts) {
      send(actor, type);
      const v = String(actor.getSnapshot().value);
      if (seen.at(-1) !== v) seen.push(v);
    }
    return { seen, over: actor.getSnapshot().hasTag('over'), ctx: actor.getSnapshot().context };
  };
  const greet = ['GREET', 'IDENTIFY'];
  const admit = ['ASK_PURPOSE', 'CONSULT', 'ADMIT', 'REGISTER'];
  const leave = ['CHECK_SATISFACTION', 'GOODBYE'];

  it('admits, answers and takes leave', () => {
    expect(drive([...greet, ...admit, 'REFORMULATE', 'ANSWER', 'MOVE_ON', ...leave])).toMatchObject({
      seen: ['greeting', 'screening', 'handling', 'leave', 'done'],
      over: true,
    });
  });

  it('goes through waiting only when handling defers, and keeps what happened in its context', () => {
    const run = drive([...greet, ...admit, 'DEFER', 'SEAT', 'ANNOUNCE_WAIT', 'CHASE', 'COLLEAGUE_ARRIVED', 'HAND_OVER', 'GOODBYE']);
    expect(run.seen).toEqual(['greeting', 'screening', 'handling', 'waiting', 'leave', 'done']);
    expect(run.ctx).toMatchObject({ acknowledged: true, informed: true, colleagueHere: true, outcomes: { screening: 'admitted', handling: 'wait' } });
  });

  it('still handles the request after a refusal (an alternative is due)', () => {
    const run = drive([...greet, 'ASK_PURPOSE', 'REFUSE', 'ANSWER', 'CHECK_UNDERSTANDING', 'GOODBYE']);
    expect(run.seen).toEqual(['greeting', 'screening', 'handling', 'leave', 'done']);
    expect(run.ctx.outcomes.screening).toBe('refused');
  });

  it('lets the student skip a step where the phase allows it (no log), and records the phase as skipped', () => {
    const run = drive(['GREET', 'SKIP', 'ASK_PURPOSE', 'ADMIT', 'SKIP', 'ANSWER', 'SKIP', 'GOODBYE']);
    expect(run.seen).toEqual(['greeting', 'screening', 'handling', 'leave', 'done']);
    expect(run.ctx.acts).not.toContain('REGISTER');
    expect(run.ctx.outcomes).toMatchObject({ greeting: 'skipped', screening: 'skipped', handling: 'skipped' });
  });

  it('ignores acts that belong to another phase', () => {
    expect(drive(['GOODBYE', 'REGISTER']).seen).toEqual(['greeting']);
  });

  it('records anytime acts without moving the procedure, and follow-up acts after the visitor left', () => {
    const actor = start();
    actor.send({ type: 'DO', details: { option: 'stand-up', act: 'POSTURE', posture: 'standing', facing: true, addresses: true } });
    expect(actor.getSnapshot().value).toBe('greeting');
    expect(actor.getSnapshot().context).toMatchObject({ posture: 'standing', facing: true, acknowledged: true });
    actor.send({ type: 'ABANDON' });
    actor.send({ type: 'DO', details: { option: 'note', act: 'INFORM_COLLEAGUE', addresses: false } });
    expect(actor.getSnapshot().context.done).toEqual(['stand-up', 'note']);
  });

  it.each([[[]], [greet], [[...greet, 'ASK_PURPOSE']], [[...greet, ...admit]], [[...greet, ...admit, 'DEFER']], [[...greet, ...admit, 'ANSWER', 'MOVE_ON']]])(
    'ends as "left" when the visitor walks out after %j',
    (acts) => {
      const actor = start();
      acts.forEach((type) => send(actor, type));
      actor.send({ type: 'ABANDON' });
      expect(actor.getSnapshot().value).toBe('left');
      expect(actor.getSnapshot().hasTag('over')).toBe(true);
    },
  );
});
