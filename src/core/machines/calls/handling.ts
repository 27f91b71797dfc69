import { assign, setup } from 'xstate';
import type { PhaseEvent } from '../procedure';

type Outcome = 'resolved' | 'wait' | 'transferred';

/**
 * T22.2–T22.6: listen, question, rephrase, then answer or advise (a message slip and
 * an appointment are answers with their desk tool), transfer to an extension (the
 * receptionist's part of the call ends there), or put the caller on hold while the
 * colleague is tried (the hold phase follows).
 */
export const callHandlingMachine = setup({
  types: { events: {} as PhaseEvent, context: {} as { outcome: Outcome }, output: {} as { outcome: Outcome } },
}).createMachine({
  id: 'call-handling',
  initial: 'listening',
  context: { outcome: 'resolved' },
  states: {
    listening: {
      tags: ['canLeave'],
      on: { ASK: 'listening', REFORMULATE: 'qualified', ANSWER: 'answered', TRANSFER: 'transferred', HOLD: 'held' },
    },
    qualified: {
      tags: ['canLeave'],
      on: { ASK: 'qualified', REFORMULATE: 'qualified', ANSWER: 'answered', TRANSFER: 'transferred', HOLD: 'held' },
    },
    answered: { tags: ['canLeave'], on: { ANSWER: 'answered', ASK: 'answered', CHECK_UNDERSTANDING: 'resolved', MOVE_ON: 'resolved' } },
    resolved: { type: 'final' },
    transferred: { type: 'final', entry: assign({ outcome: 'transferred' as Outcome }) },
    held: { type: 'final', entry: assign({ outcome: 'wait' as Outcome }) },
  },
  output: ({ context }) => ({ outcome: context.outcome }),
});
