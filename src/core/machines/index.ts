import { callGreetingMachine } from './calls/greeting';
import { callHandlingMachine } from './calls/handling';
import { callHoldMachine } from './calls/hold';
import { callScreeningMachine } from './calls/screening';
import { greetingMachine } from './greeting';
import { handlingMachine } from './handling';
import { leaveMachine } from './leave';
import type { Channel, Phase } from './procedure';
import { screeningMachine } from './screening';
import { waitingMachine } from './waiting';

export const PHASE_MACHINES = {
  greeting: greetingMachine,
  screening: screeningMachine,
  handling: handlingMachine,
  waiting: waitingMachine,
  leave: leaveMachine,
} as const satisfies Record<Phase, unknown>;

/** A call runs through the same phases with its own machines; the leave-taking is shared. */
export const CALL_MACHINES = {
  greeting: callGreetingMachine,
  screening: callScreeningMachine,
  handling: callHandlingMachine,
  waiting: callHoldMachine,
  leave: leaveMachine,
} as const satisfies Record<Phase, unknown>;

export const machinesOn = (channel: Channel) => (channel === 'face' ? PHASE_MACHINES : CALL_MACHINES);

/** The named states of a phase, as scenario authors may list them in `when`. */
export function phaseStates(phase: Phase, channel: Channel = 'face'): string[] {
  return Object.keys(machinesOn(channel)[phase].states);
}
