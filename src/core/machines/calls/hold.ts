import { assign, setup } from 'xstate';
import type { PhaseEvent } from '../procedure';

type Outcome = 'transferred' | 'resolved';

/**
 * T22.4 La gestion des appels en attente: the caller is on hold while the colleague
 * is tried. The receptionist comes back at intervals (RETURN; the shift hangs up a
 * caller left too long) and tries the extension again (CHASE). When the colleague is
 * free (a world event) the call is transferred; when they stay busy the receptionist
 * takes the caller back and offers an alternative (a message, a callback: ANSWER).
 */
export const callHoldMachine = setup({
  types: { events: {} as PhaseEvent, context: {} as { outcome: Outcome }, output: {} as { outcome: Outcome } },
}).createMachine({
  id: 'call-hold',
  initial: 'held',
  context: { outcome: 'resolved' },
  states: {
    held: { on: { RETURN: 'held', CHASE: 'held', COLLEAGUE_ARRIVED: 'free', ANSWER: 'resolved' } },
    free: { on: { RETURN: 'free', TRANSFER: 'transferred', ANSWER: 'resolved' } },
    transferred: { type: 'final', entry: assign({ outcome: 'transferred' as Outcome }) },
    resolved: { type: 'final' },
  },
  output: ({ context }) => ({ outcome: context.outcome }),
});
