import { setup } from 'xstate';
import type { PhaseEvent } from './procedure';

/** T13.1 La prise de congé: check satisfaction, conclude and say goodbye. */
export const leaveMachine = setup({
  types: { events: {} as PhaseEvent, output: {} as { outcome: 'concluded' } },
}).createMachine({
  id: 'leave',
  initial: 'closing',
  states: {
    closing: { on: { CHECK_SATISFACTION: 'checked', GOODBYE: 'gone' } },
    checked: { on: { CHECK_SATISFACTION: 'checked', GOODBYE: 'gone' } },
    gone: { type: 'final' },
  },
  output: { outcome: 'concluded' },
});
