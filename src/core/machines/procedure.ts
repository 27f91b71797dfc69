/**
 * The vocabulary of the reception procedure: its phases and, per phase, the acts a
 * receptionist can perform. Scenario options name an act; the machines decide
 * whether the act is possible now and where it leads. Channel-neutral on purpose:
 * telephone reception uses the same phases and acts.
 */
export const PHASES = ['greeting', 'screening', 'handling', 'waiting', 'leave'] as const;
export type Phase = (typeof PHASES)[number];

export const ACTS = {
  // T11.1 prise de contact
  greeting: ['ACKNOWLEDGE', 'GREET', 'IDENTIFY'],
  // T11.2 filtrage
  screening: ['ASK_PURPOSE', 'CONSULT', 'ADMIT', 'REFUSE', 'REGISTER'],
  // T12.1–T12.3, T12.5 analyse et traitement de la demande
  handling: ['ASK', 'REFORMULATE', 'ANSWER', 'DEFER', 'CHECK_UNDERSTANDING', 'MOVE_ON'],
  // T12.4 gestion de l'attente
  waiting: ['SEAT', 'ANNOUNCE_WAIT', 'CHASE', 'HAND_OVER'],
  // T13.1 prise de congé
  leave: ['CHECK_SATISFACTION', 'GOODBYE'],
} as const satisfies Record<Phase, readonly string[]>;

/**
 * Telephone reception (A2) runs through the same phases with its own acts: the phone
 * rings until picked up (T21.1); filtering (T22.1); the answer, a transfer or a hold
 * (T22.2–T22.6); coming back to a caller on hold (T22.4); leave-taking (T22.7). A
 * message or an appointment is an ANSWER with its desk tool. An act may belong to two
 * phases (TRANSFER from handling or from hold): the current phase wins.
 */
export const CALL_ACTS = {
  greeting: ['PICK_UP', 'GREET', 'IDENTIFY'],
  screening: ['ASK_PURPOSE', 'CONSULT', 'ADMIT', 'REFUSE'],
  handling: ['ASK', 'REFORMULATE', 'ANSWER', 'TRANSFER', 'HOLD', 'CHECK_UNDERSTANDING', 'MOVE_ON'],
  waiting: ['RETURN', 'CHASE', 'TRANSFER', 'ANSWER'],
  leave: ['CHECK_SATISFACTION', 'GOODBYE'],
} as const satisfies Record<Phase, readonly string[]>;

export type Channel = 'face' | 'phone';

/**
 * Acts that make sense at any moment of a contact and never move the procedure on:
 * posture and facing, stopping other work, changing language, writing for a visitor
 * who cannot hear, checking an ID, signing for an item, refusing to disclose,
 * calling a colleague, consulting a document.
 */
export const ANYTIME_ACTS = [
  'POSTURE',
  'FACE',
  'STOP_TYPING',
  'SWITCH_LANGUAGE',
  'WRITE_NOTE',
  'CHECK_ID',
  'RECEIVE_ITEM',
  'REFUSE_DISCLOSE',
  'CALL_COLLEAGUE',
  'LOOK_UP',
  'OFFER_HELP',
  // On the phone: ask to repeat or spell, read a number back; at a mixed desk: excuse
  // oneself to the visitor to take a call, park a caller a moment and take them back.
  'ASK_REPEAT',
  'READ_BACK',
  'EXCUSE',
  'PARK',
  'RESUME',
] as const;

/**
 * Acts a switchboard key performs rather than a line of dialogue: the UI may draw the
 * options that name them on the line keys (pick up, hold, take back, park, resume,
 * transfer to the extension the option names).
 */
export const SWITCHBOARD_ACTS: ReadonlySet<string> = new Set(['PICK_UP', 'HOLD', 'RETURN', 'PARK', 'RESUME', 'TRANSFER']);

/** Follow-up once the visitor has left: these still count (a note, an incident form, telling the colleague). */
export const AFTER_ACTS = ['NOTE', 'INCIDENT_REPORT', 'INFORM_COLLEAGUE'] as const;

export type PhaseAct = (typeof ACTS)[Phase][number] | (typeof CALL_ACTS)[Phase][number];
export type AnytimeAct = (typeof ANYTIME_ACTS)[number];
export type AfterAct = (typeof AFTER_ACTS)[number];
export type Act = PhaseAct | AnytimeAct | AfterAct;

/** Events that come from the world, not from the student. */
export type WorldEvent = { type: 'COLLEAGUE_ARRIVED' };
export type PhaseEvent = { type: PhaseAct } | WorldEvent;

/** The phase an act belongs to, 'anytime' or 'after', or undefined for an unknown act (face-to-face). */
export function phaseOfAct(act: string): Phase | 'anytime' | 'after' | undefined {
  return WHERE.get(act);
}

const CALL_WHERE = new Map<string, Phase | 'anytime' | 'after'>();
for (const [where, acts] of [...PHASES.map((p) => [p, CALL_ACTS[p]] as const), ['anytime', ANYTIME_ACTS] as const, ['after', AFTER_ACTS] as const])
  for (const act of acts) if (!CALL_WHERE.has(act)) CALL_WHERE.set(act, where);

/** The phase of an act on a channel; an act the current phase knows stays in it (TRANSFER while on hold). */
export function phaseOfActOn(channel: Channel, act: string, current?: Phase): Phase | 'anytime' | 'after' | undefined {
  if (channel === 'face') return WHERE.get(act);
  if (current && (CALL_ACTS[current] as readonly string[]).includes(act)) return current;
  return CALL_WHERE.get(act);
}

/** The acts of each phase on a channel. */
export const actsOn = (channel: Channel): Record<Phase, readonly string[]> => (channel === 'face' ? ACTS : CALL_ACTS);

/** act → its phase, 'anytime' or 'after' (asked per option per step: a lookup, not a scan; the first listed wins). */
const WHERE = new Map<string, Phase | 'anytime' | 'after'>();
for (const [where, acts] of [...PHASES.map((p) => [p, ACTS[p]] as const), ['anytime', ANYTIME_ACTS] as const, ['after', AFTER_ACTS] as const])
  for (const act of acts) if (!WHERE.has(act)) WHERE.set(act, where);

export const ALL_ACTS: readonly string[] = [
  ...new Set([...PHASES.flatMap((p) => ACTS[p]), ...PHASES.flatMap((p) => CALL_ACTS[p]), ...ANYTIME_ACTS, ...AFTER_ACTS]),
];

/** Acts that address the visitor by default, and so acknowledge their arrival (typing on is not a welcome). */
export const ADDRESSING_ACTS: ReadonlySet<string> = new Set([
  'ACKNOWLEDGE',
  'GREET',
  'IDENTIFY',
  'ASK_PURPOSE',
  'ADMIT',
  'REFUSE',
  'REGISTER',
  'ASK',
  'REFORMULATE',
  'ANSWER',
  'DEFER',
  'CHECK_UNDERSTANDING',
  'MOVE_ON',
  'SEAT',
  'ANNOUNCE_WAIT',
  'HAND_OVER',
  'CHECK_SATISFACTION',
  'GOODBYE',
  'FACE',
  'SWITCH_LANGUAGE',
  'WRITE_NOTE',
  'CHECK_ID',
  'RECEIVE_ITEM',
  'REFUSE_DISCLOSE',
  'LOOK_UP',
  'OFFER_HELP',
  'PICK_UP',
  'TRANSFER',
  'HOLD',
  'RETURN',
  'ASK_REPEAT',
  'READ_BACK',
  'EXCUSE',
  'PARK',
  'RESUME',
]);
