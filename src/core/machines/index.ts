import { greetingMachine } from './greeting';
import { handlingMachine } from './handling';
import { leaveMachine } from './leave';
import type { Phase } from './procedure';
import { screeningMachine } from './screening';
import { waitingMachine } from './waiting';

export const PHASE_MACHINES = {
  greeting: greetingMachine,
  screening: screeningMachine,
  handling: handlingMachine,
  waiting: waitingMachine,
  leave: leaveMachine,
} as const satisfies Record<Phase, unknown>;

/** The named states of a phase, as scenario authors may list them in `when`. */
export function phaseStates(phase: Phase): string[] {
  return Object.keys(PHASE_MACHINES[phase].states);
}

/** Where SKIP leads from each phase (handling skips to the leave-taking, never into a wait). */
export const NEXT_PHASE: Record<Phase, Phase | undefined> = {
  greeting: 'screening',
  screening: 'handling',
  handling: 'leave',
  waiting: 'leave',
  leave: undefined,
};
