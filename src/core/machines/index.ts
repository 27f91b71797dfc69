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

/** Where SKIP leads from each phase (handling skips to the leave-taking, never into a wait), on both channels. */
export const NEXT_PHASE: Record<Phase, Phase | undefined> = {
  greeting: 'screening',
  screening: 'handling',
  handling: 'leave',
  waiting: 'leave',
  leave: undefined,
};

/** Where the visit goes when a phase machine finishes with an outcome (visit.ts: each state's `onDone`). */
export const afterPhase = (phase: Phase, outcome: string): Phase | 'done' =>
  phase === 'leave' || outcome === 'transferred' ? 'done' : phase === 'handling' && outcome === 'wait' ? 'waiting' : NEXT_PHASE[phase]!;
