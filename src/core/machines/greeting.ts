import { setup } from 'xstate';
import type { PhaseEvent } from './procedure';

/**
 * T11.1 La prise de contact: notice the arrival, greet, identify the visitor.
 * States tagged `canLeave` may be left for the next phase without the rest
 * (a student may skip identifying the visitor; the rubric scores the omission).
 */
export const greetingMachine = setup({
  types: { events: {} as PhaseEvent, output: {} as { outcome: 'identified' | 'skipped' } },
}).createMachine({
  id: 'greeting',
  initial: 'arrival',
  states: {
    arrival: { tags: ['canLeave'], on: { ACKNOWLEDGE: 'noticed', GREET: 'greeted', IDENTIFY: 'identified' } },
    noticed: { tags: ['canLeave'], on: { GREET: 'greeted', IDENTIFY: 'identified' } },
    greeted: { tags: ['canLeave'], on: { IDENTIFY: 'identified' } },
    identified: { type: 'final' },
  },
  output: { outcome: 'identified' },
});
