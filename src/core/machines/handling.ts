import { assign, setup } from 'xstate';
import type { PhaseEvent } from './procedure';

type Outcome = 'resolved' | 'wait';

/**
 * T12.1–T12.3 and T12.5: listen and question, reformulate, then answer (inform,
 * orient, advise, assist, take a message or book an appointment) or defer to the
 * waiting phase when the right person is not available yet. After an answer the
 * receptionist checks understanding, adds to it, or simply moves on (leaving the
 * phase from `answered` is the same as moving on: the omission is scored).
 */
export const handlingMachine = setup({
  types: {
    events: {} as PhaseEvent,
    context: {} as { outcome: Outcome },
    output: {} as { outcome: Outcome },
  },
}).createMachine({
  id: 'handling',
  initial: 'listening',
  context: { outcome: 'resolved' },
  states: {
    listening: { tags: ['canLeave'], on: { ASK: 'listening', REFORMULATE: 'qualified', ANSWER: 'answered', DEFER: 'deferred' } },
    qualified: { tags: ['canLeave'], on: { ASK: 'qualified', REFORMULATE: 'qualified', ANSWER: 'answered', DEFER: 'deferred' } },
    answered: { tags: ['canLeave'], on: { ANSWER: 'answered', ASK: 'answered', CHECK_UNDERSTANDING: 'resolved', MOVE_ON: 'resolved' } },
    resolved: { type: 'final' },
    deferred: { type: 'final', entry: assign({ outcome: 'wait' as Outcome }) },
  },
  output: ({ context }) => ({ outcome: context.outcome }),
});
