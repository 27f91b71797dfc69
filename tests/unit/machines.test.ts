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

  it('lets every path go on to a final state', () => {
    expect(paths.length).toBeGreaterThan(Object.keys(machine.states).length - 1);
    for (const path of paths) {
      if (path.state.status === 'done') continue;
      const onward = getShortestPaths(machine, { events, fromState: path.state });
      const route = onward.find((p) => p.state.status === 'done');
      expect(route, `stuck after ${path.steps.map((s) => s.event.type).join(' → ')}`).toBeDefined();
    }
  });

  it('gives an output on every final state', () => {
    for (const path of paths.filter((p) => p.state.status === 'done')) {
      expect(path.state.output).toEqual({ outcome: expect.any(String) });
    }
  });
});

describe('visit machine', () => {
  const drive = (acts: string[]) => {
    const actor = createActor(visitMachine).start();
    const seen: string[] = [String(actor.getSnapshot().value)];
    for (const type of acts) {
      actor.send({ type } as never);
      const v = String(actor.getSnapshot().value);
      if (seen.at(-1) !== v) seen.push(v);
    }
    return { seen, status: actor.getSnapshot().status };
  };
  const greet = ['GREET', 'IDENTIFY'];
  const admit = ['ASK_PURPOSE', 'CONSULT', 'ADMIT', 'REGISTER'];
  const leave = ['CHECK_SATISFACTION', 'GOODBYE'];

  it('admits, answers and takes leave', () => {
    expect(drive([...greet, ...admit, 'REFORMULATE', 'ANSWER', 'MOVE_ON', ...leave])).toEqual({
      seen: ['greeting', 'screening', 'handling', 'leave', 'done'],
      status: 'done',
    });
  });

  it('goes through waiting only when handling defers', () => {
    const run = drive([...greet, ...admit, 'DEFER', 'SEAT', 'ANNOUNCE_WAIT', 'CHASE', 'COLLEAGUE_ARRIVED', 'HAND_OVER', 'GOODBYE']);
    expect(run).toEqual({ seen: ['greeting', 'screening', 'handling', 'waiting', 'leave', 'done'], status: 'done' });
  });

  it('still handles the request after a refusal (an alternative is due)', () => {
    const run = drive([...greet, 'ASK_PURPOSE', 'REFUSE', 'ANSWER', 'CHECK_UNDERSTANDING', 'GOODBYE']);
    expect(run.seen).toEqual(['greeting', 'screening', 'handling', 'leave', 'done']);
  });

  it('ignores acts that belong to another phase', () => {
    expect(drive(['GOODBYE', 'REGISTER']).seen).toEqual(['greeting']);
  });

  it.each([[[]], [greet], [[...greet, 'ASK_PURPOSE']], [[...greet, ...admit]], [[...greet, ...admit, 'DEFER']], [[...greet, ...admit, 'ANSWER', 'MOVE_ON']]])(
    'ends as "left" when the visitor walks out after %j',
    (acts) => {
      const actor = createActor(visitMachine).start();
      acts.forEach((type) => actor.send({ type } as never));
      actor.send({ type: 'ABANDON' });
      expect(actor.getSnapshot().value).toBe('left');
      expect(actor.getSnapshot().status).toBe('done');
    },
  );
});
