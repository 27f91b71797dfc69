import { setup } from 'xstate';
import type { PhaseEvent } from './procedure';

/**
 * T12.4 La gestion de l'attente: seat the visitor, announce the wait, chase the
 * colleague. The colleague's arrival is a world event (it happens because someone
 * called them); then the receptionist hands the visitor over.
 */
export const waitingMachine = setup({
  types: { events: {} as PhaseEvent, output: {} as { outcome: 'handedOver' } },
}).createMachine({
  id: 'waiting',
  initial: 'standing',
  states: {
    // Chasing loops; it is pointless once the colleague is here.
    standing: { on: { SEAT: 'seated', ANNOUNCE_WAIT: 'informed', CHASE: 'standing', COLLEAGUE_ARRIVED: 'colleagueHere' } },
    seated: { on: { ANNOUNCE_WAIT: 'informed', SEAT: 'seated', CHASE: 'seated', COLLEAGUE_ARRIVED: 'colleagueHere' } },
    informed: { on: { SEAT: 'informed', ANNOUNCE_WAIT: 'informed', CHASE: 'informed', COLLEAGUE_ARRIVED: 'colleagueHere' } },
    colleagueHere: { tags: ['canLeave'], on: { HAND_OVER: 'handedOver' } },
    handedOver: { type: 'final' },
  },
  output: { outcome: 'handedOver' },
});
