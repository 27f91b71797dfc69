import { setup } from 'xstate';
import type { PhaseEvent } from './procedure';

/**
 * T11.1 La prise de contact: notice the arrival, greet, identify the visitor.
 * POSTURE (stand up, face the visitor, put the phone away) is allowed at any time
 * and does not move the phase on.
 */
export const greetingMachine = setup({
  actions: { note: () => {} },
  types: { events: {} as PhaseEvent, output: {} as { outcome: 'identified' } },
}).createMachine({
  id: 'greeting',
  initial: 'arrival',
  // A targetless transition needs an action, or XState's `can` reports it impossible.
  on: { POSTURE: { actions: 'note' } },
  states: {
    arrival: { on: { ACKNOWLEDGE: 'noticed', GREET: 'greeted' } },
    noticed: { on: { GREET: 'greeted' } },
    greeted: { on: { IDENTIFY: 'identified' } },
    identified: { type: 'final' },
  },
  output: { outcome: 'identified' },
});
