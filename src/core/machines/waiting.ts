import { setup } from 'xstate';
import type { PhaseEvent } from './procedure';

/**
 * T12.4 La gestion de l'attente: seat the visitor, announce the wait, chase the
 * colleague. The colleague's arrival is a world event scheduled by the shift; then
 * the receptionist hands the visitor over (introduces or accompanies them).
 */
export const waitingMachine = setup({
  actions: { note: () => {} },
  types: { events: {} as PhaseEvent, output: {} as { outcome: 'handedOver' } },
}).createMachine({
  id: 'waiting',
  initial: 'standing',
  states: {
    // Chasing loops (a targetless transition needs an action, or `can` says no); pointless once the colleague is here.
    standing: { on: { SEAT: 'seated', ANNOUNCE_WAIT: 'informed', CHASE: { actions: 'note' }, COLLEAGUE_ARRIVED: 'colleagueHere' } },
    seated: { on: { ANNOUNCE_WAIT: 'informed', CHASE: { actions: 'note' }, COLLEAGUE_ARRIVED: 'colleagueHere' } },
    informed: { on: { SEAT: 'informed', CHASE: { actions: 'note' }, COLLEAGUE_ARRIVED: 'colleagueHere' } },
    colleagueHere: { on: { HAND_OVER: 'handedOver' } },
    handedOver: { type: 'final' },
  },
  output: { outcome: 'handedOver' },
});
