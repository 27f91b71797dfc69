import { assign, setup } from 'xstate';
import type { PhaseEvent } from './procedure';

type Outcome = 'admitted' | 'refused';

/**
 * T11.2 Le filtrage: ask the purpose, check it against the desk's documentation
 * (diaries, filtering instructions), then admit (visitor log, badge) or refuse.
 * Skipping the check or the log is possible — the rubric scores the omission.
 */
export const screeningMachine = setup({
  types: {
    events: {} as PhaseEvent,
    context: {} as { outcome: Outcome },
    output: {} as { outcome: Outcome },
  },
}).createMachine({
  id: 'screening',
  initial: 'asking',
  context: { outcome: 'admitted' },
  states: {
    asking: { tags: ['canLeave'], on: { ASK_PURPOSE: 'known', CONSULT: 'checked', ADMIT: 'admitted', REFUSE: 'refused' } },
    known: { tags: ['canLeave'], on: { CONSULT: 'checked', ADMIT: 'admitted', REFUSE: 'refused' } },
    checked: { tags: ['canLeave'], on: { CONSULT: 'checked', ADMIT: 'admitted', REFUSE: 'refused' } },
    admitted: { tags: ['canLeave'], on: { REGISTER: 'registered' } },
    registered: { type: 'final' },
    refused: { type: 'final', entry: assign({ outcome: 'refused' as Outcome }) },
  },
  output: ({ context }) => ({ outcome: context.outcome }),
});
