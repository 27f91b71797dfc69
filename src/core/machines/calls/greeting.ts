import { setup } from 'xstate';
import type { PhaseEvent } from '../procedure';

/**
 * T21.1 La réception des appels: the phone rings until it is picked up (the shift
 * counts the rings), then greet with the organisation's name and one's own and
 * identify the caller. Nothing can be skipped while it rings: not `canLeave`.
 */
export const callGreetingMachine = setup({
  types: { events: {} as PhaseEvent, output: {} as { outcome: 'identified' } },
}).createMachine({
  id: 'call-greeting',
  initial: 'ringing',
  states: {
    ringing: { on: { PICK_UP: 'answered' } },
    answered: { tags: ['canLeave'], on: { GREET: 'greeted', IDENTIFY: 'identified' } },
    greeted: { tags: ['canLeave'], on: { IDENTIFY: 'identified' } },
    identified: { type: 'final' },
  },
  output: { outcome: 'identified' },
});
