/**
 * The vocabulary of the reception procedure: its phases and, per phase, the acts a
 * receptionist can perform. Scenario options name an act; the phase machine decides
 * whether the act is possible now and where it leads. Channel-neutral on purpose:
 * telephone reception uses the same phases and acts.
 */
export const PHASES = ['greeting', 'screening', 'handling', 'waiting', 'leave'] as const;
export type Phase = (typeof PHASES)[number];

export const ACTS = {
  // T11.1 prise de contact
  greeting: ['ACKNOWLEDGE', 'GREET', 'IDENTIFY', 'POSTURE'],
  // T11.2 filtrage
  screening: ['ASK_PURPOSE', 'CONSULT', 'ADMIT', 'REFUSE', 'REGISTER'],
  // T12.1–T12.3, T12.5 analyse et traitement de la demande
  handling: ['ASK', 'REFORMULATE', 'ANSWER', 'DEFER', 'CHECK_UNDERSTANDING', 'MOVE_ON'],
  // T12.4 gestion de l'attente
  waiting: ['SEAT', 'ANNOUNCE_WAIT', 'CHASE', 'HAND_OVER'],
  // T13.1 prise de congé
  leave: ['CHECK_SATISFACTION', 'GOODBYE'],
} as const satisfies Record<Phase, readonly string[]>;

export type Act = (typeof ACTS)[Phase][number];

/** Events that come from the world, not from the student. */
export type WorldEvent = { type: 'COLLEAGUE_ARRIVED' };
export type PhaseEvent = { type: Act } | WorldEvent;

export function isActOf(phase: Phase, act: string): act is Act {
  return (ACTS[phase] as readonly string[]).includes(act);
}
