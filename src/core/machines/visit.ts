import { sendTo, setup } from 'xstate';
import { greetingMachine } from './greeting';
import { handlingMachine } from './handling';
import { leaveMachine } from './leave';
import type { PhaseEvent } from './procedure';
import { screeningMachine } from './screening';
import { waitingMachine } from './waiting';

export type VisitEvent = PhaseEvent | { type: 'ABANDON' };

/**
 * One contact from arrival to departure. Each phase is its own machine, invoked
 * under the id `phase` so the shift can ask it what it accepts (`can`) and forward
 * the student's acts. A refused visitor still gets an answer (an alternative is a
 * duty, CP112.2); the waiting phase only happens when handling deferred.
 * ABANDON: the visitor walks out, whatever the phase.
 */
// The deepest state wins in XState, so each phase state must name ABANDON itself
// before the wildcard that forwards everything else to the phase machine.
const phaseEvents = { ABANDON: '#visit.left', '*': { actions: 'forward' } } as const;

export const visitMachine = setup({
  types: { events: {} as VisitEvent },
  actors: {
    greeting: greetingMachine,
    screening: screeningMachine,
    handling: handlingMachine,
    waiting: waitingMachine,
    leave: leaveMachine,
  },
  actions: {
    forward: sendTo('phase', ({ event }) => event as PhaseEvent),
  },
}).createMachine({
  id: 'visit',
  initial: 'greeting',
  states: {
    greeting: {
      invoke: { id: 'phase', src: 'greeting', onDone: 'screening' },
      on: phaseEvents,
    },
    screening: {
      invoke: { id: 'phase', src: 'screening', onDone: 'handling' },
      on: phaseEvents,
    },
    handling: {
      invoke: {
        id: 'phase',
        src: 'handling',
        onDone: [{ guard: ({ event }) => event.output.outcome === 'wait', target: 'waiting' }, { target: 'leave' }],
      },
      on: phaseEvents,
    },
    waiting: {
      invoke: { id: 'phase', src: 'waiting', onDone: 'leave' },
      on: phaseEvents,
    },
    leave: {
      invoke: { id: 'phase', src: 'leave', onDone: 'done' },
      on: phaseEvents,
    },
    done: { type: 'final' },
    left: { type: 'final' },
  },
});
