import { z } from 'zod';
import { AFTER_ACTS, ALL_ACTS, ANYTIME_ACTS, PHASES } from '../machines/procedure';
import { Id, Lang, Text } from './common';
import { STATUSES } from './rubric';
import { checkReferences } from './scenario-refs';

export const TRAITS = [
  'calm',
  'impatient',
  'aggressive',
  'talkative',
  'hesitant',
  'vip',
  'elderly',
  'child',
  'wheelchair',
  'hearing-impaired',
  'lip-reader',
  'sight-impaired',
  'confused',
  'complainant',
  'courier',
  'unwell',
] as const;
export const VENUES = ['company-hall', 'station', 'airport', 'trade-fair', 'hospital', 'town-hall', 'hotel', 'museum', 'bank', 'residence'] as const;
export const VISITOR_TYPES = ['client', 'usager', 'fournisseur', 'prospect', 'internal'] as const;
export const OUTCOMES = ['orientation', 'information', 'advice', 'assistance', 'message', 'appointment', 'refusal'] as const;
/** Tags say what kind of behaviour an option is; traits react to them. */
export const TAGS = ['empathy', 'initiative', 'apology', 'provocation', 'firm', 'alternative', 'accessible', 'inaccessible'] as const;
/** Facts a visitor gives, which a desk tool's content is compared with. */
/** `time`: an appointment's time, checked against the diary and the caller's constraints rather than a fact. */
export const FACTS = ['name', 'company', 'phone', 'subject', 'urgency', 'callback', 'for', 'time'] as const;

// Upper bounds on every time and size, so no file can hang the simulation.
const Seconds = z.number().min(0).max(86_400);
const Score = z.number().min(0).max(100);
const Delta = z.number().min(-50).max(50);
const Range = z.strictObject({ min: Score.optional(), max: Score.optional() });

/** How a caller's line sounds, shown with the caption (the caller is heard, not seen) and played as a cue. */
export const TONES = ['calm', 'smiling', 'sigh', 'raised', 'hesitant', 'hurried', 'crackle', 'noise'] as const;

/** A visitor's line: in French and English for the interface, and in the visitor's own language when it is another. */
export const Line = z.strictObject({
  fr: z.string().min(1),
  en: z.string().min(1),
  es: z.string().min(1).optional(),
  de: z.string().min(1).optional(),
  /** Tone cue of a caller's line (sighs, raised voice, hesitation, a crackling line). */
  tone: z.enum(TONES).optional(),
});
export type Line = z.infer<typeof Line>;

/** When an option is offered or a reply is said: earlier acts, phase outcomes, the visitor's feelings, the desk's state. */
export const Condition = z.strictObject({
  /** Option ids or acts (upper case) done earlier in this contact: all of them. */
  done: z.array(z.string()).min(1).max(20).optional(),
  /** None of these done yet. */
  notDone: z.array(z.string()).min(1).max(20).optional(),
  /** At least one of these done ("any of": the visitor was greeted one way or another). */
  doneAny: z.array(z.string()).min(2).max(20).optional(),
  outcome: z
    .strictObject({
      greeting: z.string().optional(),
      screening: z.enum(['admitted', 'refused', 'skipped']).optional(),
      handling: z.enum(['resolved', 'wait', 'transferred', 'skipped']).optional(),
    })
    .optional(),
  mood: Range.optional(),
  trust: Range.optional(),
  /** The receptionist faces the visitor (or not). */
  facing: z.boolean().optional(),
  standing: z.boolean().optional(),
  speaking: Lang.optional(),
});
export type Condition = z.infer<typeof Condition>;

export const Observation = z.strictObject({
  /** "CP3.welcome": a criterion and one of its indicators in the scenario's rubric. */
  indicator: z.string().regex(/^[A-Z][A-Z0-9.]*[A-Z0-9]\.[a-z0-9-]+$/, 'expected an indicator such as "CP3.welcome" or "T22.5.slip"'),
  as: z.enum(STATUSES),
  why: Text,
  /** The desk rule this observation is about (a breach of a confidential rule is a grave fault). */
  rule: Id.optional(),
});
export type Observation = z.infer<typeof Observation>;

/** One line; or variants drawn by the seeded dice; or variants with conditions, the first that holds being said. */
const Reply = z.union([
  Line,
  z.array(Line).min(1).max(20),
  z
    .array(z.strictObject({ if: Condition.optional(), say: Line }))
    .min(1)
    .max(20),
]);

export const Option = z.strictObject({
  id: Id,
  act: z.string(),
  /** What the receptionist says or does, as shown on the choice button. */
  text: Text,
  if: Condition.optional(),
  /** Only offered in these states of the phase machine (default: wherever the act is possible). */
  when: z.array(z.string()).min(1).max(10).optional(),
  /** The visitor's answer; variants with conditions are tried in order, the first that holds is said. */
  reply: Reply.optional(),
  /** Language the receptionist speaks in this option (default: the one already spoken). */
  lang: Lang.optional(),
  register: z.enum(['soutenu', 'courant', 'familier']).optional(),
  tags: z.array(z.enum(TAGS)).max(8).optional(),
  effects: z.strictObject({ mood: Delta.optional(), trust: Delta.optional(), patience: Delta.optional() }).optional(),
  observe: z.array(Observation).max(12).optional(),
  /** Why this option labels a shared behaviour (scenarios/shared/behaviours.yaml) otherwise than the library does. */
  relabel: z.string().min(1).max(300).optional(),
  /** This answer meets the visitor's real need (feeds satisfaction). */
  solves: z.boolean().optional(),
  /** The desk tool this act uses; the game opens it. */
  tool: z.enum(['directory', 'diary', 'rules', 'log', 'message', 'call', 'records']).optional(),
  /** Facts the typed content must match (default: name and company for the log; name, company, phone, subject for a message). */
  checks: z.array(z.enum(FACTS)).max(8).optional(),
  /** Receptionist's body after the act. */
  posture: z.enum(['seated', 'standing', 'walking']).optional(),
  facing: z.boolean().optional(),
  /** Whether the act addresses the visitor (and so acknowledges them); default by act. */
  addresses: z.boolean().optional(),
  /** A colleague this act calls: they come because they were called. */
  calls: Id.optional(),
  /** Spoken to a companion (by id) rather than to the visitor: talking over a wheelchair user's head is felt. */
  to: Id.optional(),
  /** Where the visitor goes (the hall shows it). */
  sends: z.enum(['lift', 'seat', 'out']).optional(),
  /** TRANSFER: the extension dialled, which must be in the directory. */
  extension: z
    .string()
    .regex(/^\d{2,5}$/, 'expected a phone extension of 2 to 5 digits')
    .optional(),
  /** TRANSFER: the caller is announced to the colleague first (true) or put through blind (false). */
  announced: z.boolean().optional(),
  /** HOLD or RETURN: the wait announced to the caller, in seconds (none said: 0). */
  holdFor: Seconds.max(600).optional(),
});
export type Option = z.infer<typeof Option>;

const PhaseScript = z.strictObject({
  /** What the visitor says when the phase begins. */
  opening: Line.optional(),
  /** A tense moment (the visitor is angry or losing patience): keeping calm through it is observed (CP4). */
  tension: z.boolean().optional(),
  options: z.array(Option).max(40),
});
export type PhaseScript = z.infer<typeof PhaseScript>;

/** A member of staff in the directory. */
export const Person = z.strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  role: Text,
  service: Text,
  extension: z.string().regex(/^\d{2,5}$/, 'expected a phone extension of 2 to 5 digits'),
  location: Text,
});

const Rule = z.strictObject({ id: Id, text: Text, confidential: z.boolean().optional() });

/** Desk data beyond staff: hotel guests, the mail book, delegations, tickets, the meeting rooms' schedule. */
const DeskRecord = z.strictObject({
  kind: z.enum(['guest', 'mail', 'delegation', 'ticket', 'visitor', 'room']),
  id: Id,
  label: Text,
  details: Text,
  confidential: z.boolean().optional(),
});

const Time = z.string().regex(/^\d\d:\d\d$/, 'expected a time as HH:MM');

export const Desk = z.strictObject({
  company: z.string().min(1).max(200),
  directory: z.array(Person).min(1).max(200),
  orgChart: z.array(z.strictObject({ service: Text, head: Id, members: z.array(Id) })).optional(),
  /** Each entry takes the colleague from `time` to `until` (default: one hour): an appointment may not overlap it. */
  diaries: z.record(Id, z.array(z.strictObject({ time: Time, until: Time.optional(), what: Text }))).optional(),
  rules: z.array(Rule).min(1).max(50),
  absences: z.array(z.strictObject({ person: Id, reason: Text })).optional(),
  floorPlan: z.array(z.strictObject({ place: Text, where: Text })).optional(),
  records: z.array(DeskRecord).max(200).optional(),
  /** The clock shown on the desk when the shift starts. */
  startTime: Time,
  /** Line keys on the switchboard (default 3). */
  lines: z.int().min(1).max(8).optional(),
});
export type Desk = z.infer<typeof Desk>;

/** The visitor or caller: who they are, how they feel, what they say when kept waiting. */
export const Visitor = z.strictObject({
  name: z.string().min(1).max(200),
  civility: z.enum(['Madame', 'Monsieur']),
  company: z.string().max(200).optional(),
  type: z.enum(VISITOR_TYPES),
  traits: z.array(z.enum(TRAITS)).min(1),
  language: Lang,
  /** Other languages followed with effort ("some English"): spoken to in one, the words land but win no trust. */
  understands: z.array(Lang).min(1).max(4).optional(),
  patience: Score,
  mood: Score,
  trust: Score,
  lines: z.strictObject({ speakUp: Line.optional(), complain: Line.optional(), walkOut: Line.optional() }).optional(),
});

/** A caller: the line, how long they let it ring and hold, and what a bad line garbles. */
const Call = z.strictObject({
  /** Line key it rings on (default: the first free one). */
  line: z.int().min(1).max(8).optional(),
  /** An internal call (a colleague's extension) rather than an outside line. */
  internal: z.boolean().optional(),
  /** The caller hangs up after this many unanswered rings. */
  hangUpAfter: z.int().min(2).max(30).default(8),
  /** Seconds on hold beyond the wait announced, with nobody coming back, before the caller hangs up. */
  holdPatience: Seconds.min(5).max(600).default(40),
  /**
   * A bad line or background noise: these facts are heard wrong (the caption shows them
   * so) unless the student asks to repeat or spell, or reads them back (ASK_REPEAT, READ_BACK).
   */
  badLine: z
    .strictObject({
      noise: z.enum(['crackle', 'street', 'open-plan', 'wind']),
      misheard: z.partialRecord(z.enum(FACTS), z.string().min(1).max(200)),
    })
    .optional(),
});

/** An appointment's constraints: how long it takes, when the caller can come, what today's instructions allow. */
const AppointmentNeed = z.strictObject({
  minutes: z.int().min(5).max(480).default(30),
  /** Windows the caller can make ("after 14:00 on weekdays" is {from: "14:00", to: "18:00"}). */
  within: z
    .array(z.strictObject({ from: Time, to: Time }))
    .min(1)
    .max(10),
});

const Contact = z.strictObject({
  id: Id,
  /** Face-to-face or on the phone; default: the scenario's channel (required in a mixed scenario). */
  channel: z.enum(['face', 'phone']).optional(),
  visitor: Visitor,
  call: Call.optional(),
  appointment: AppointmentNeed.optional(),
  /** People with the visitor (a companion, a child) or standing by: shown, spoken to or over. */
  companions: z
    .array(z.strictObject({ id: Id, name: Text, role: z.enum(['companion', 'child', 'bystander', 'interpreter']) }))
    .max(5)
    .optional(),
  /** What the visitor says about themselves: desk tools are checked against it. */
  facts: z.partialRecord(z.enum(FACTS), z.string().min(1).max(200)).optional(),
  /** Indicators this situation makes essential (facing a lip-reader: CP1.posture). */
  essential: z.array(z.string()).max(20).optional(),
  request: z.strictObject({
    says: Line,
    needs: Text,
    urgency: z.enum(['low', 'normal', 'high']),
    outcome: z.strictObject({ kind: z.enum(OUTCOMES), person: Id.optional() }),
  }),
  /** Who the visitor waits for, how long they take to come once called, and what they say. */
  waiting: z
    .strictObject({
      colleague: Id,
      delay: Seconds.min(1),
      afterChase: Seconds.min(1),
      arrival: Text,
    })
    .optional(),
  phases: z.strictObject({
    greeting: PhaseScript,
    screening: PhaseScript,
    handling: PhaseScript,
    waiting: PhaseScript.optional(),
    leave: PhaseScript,
  }),
  /** Acts available through the whole contact (posture, facing, language, a note, an ID check…). */
  anytime: z.array(Option).max(40).optional(),
  /** Follow-up once the visitor has gone (a note to the colleague, an incident form). */
  after: z.array(Option).max(20).optional(),
});
export type Contact = z.infer<typeof Contact>;

export const ScenarioSchema = z
  .strictObject({
    format: z.literal(2),
    id: Id,
    title: Text,
    summary: Text,
    /** What the situation trains, shown in the menu. */
    trains: Text.optional(),
    channel: z.enum(['face', 'phone', 'mixed']),
    venue: z.enum(VENUES),
    difficulty: z.int().min(1).max(5),
    rubric: Id,
    /** Estimated minutes for a student. */
    duration: z.number().positive().max(120),
    /** Hard stop of the simulated shift, in seconds. */
    timeLimit: Seconds.min(10),
    desk: Desk,
    contacts: z.array(Contact).min(1).max(30),
    timeline: z
      // `arrival`: a visitor walks up to the desk; `call`: the phone rings for a caller.
      // `after`: only once that contact has left, `at` seconds later, and only if `if` held for it
      // then — a visitor sent to the wrong room comes back, a caller told to ring back rings.
      .array(
        z.strictObject({
          at: Seconds,
          jitter: Seconds.max(3600).optional(),
          event: z.enum(['arrival', 'call']),
          contact: Id,
          after: z.strictObject({ leaves: Id, if: Condition.optional() }).optional(),
        }),
      )
      .min(1)
      .max(100),
  })
  .superRefine(checkReferences);

export type Scenario = z.infer<typeof ScenarioSchema>;

export const KNOWN_ACTS = { all: ALL_ACTS, anytime: ANYTIME_ACTS, after: AFTER_ACTS, phases: PHASES };
