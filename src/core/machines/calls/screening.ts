import { assign, setup } from 'xstate';
import type { PhaseEvent } from '../procedure';

type Outcome = 'admitted' | 'refused';

/**
 * T22.1 La qualification, le filtrage: ask what the call is about, check it against
 * today's instructions and the directory, then accept to deal with it or filter it
 * out (a refusal, which still owes the caller an alternative in handling). No
 * visitor log on the phone, so admitting ends the phase.
 */
export const callScreeningMachine = setup({
  types: { events: {} as PhaseEvent, context: {} as { outcome: Outcome }, output: {} as { outcome: Outcome } },
}).createMachine({
  id: 'call-screening',
  initial: 'asking',
  context: { outcome: 'admitted' },
  states: {
    asking: { tags: ['canLeave'], on: { ASK_PURPOSE: 'known', CONSULT: 'checked', ADMIT: 'admitted', REFUSE: 'refused' } },
    known: { tags: ['canLeave'], on: { CONSULT: 'checked', ADMIT: 'admitted', REFUSE: 'refused' } },
    checked: { tags: ['canLeave'], on: { CONSULT: 'checked', ADMIT: 'admitted', REFUSE: 'refused' } },
    admitted: { type: 'final' },
    refused: { type: 'final', entry: assign({ outcome: 'refused' as Outcome }) },
  },
  output: ({ context }) => ({ outcome: context.outcome }),
});
