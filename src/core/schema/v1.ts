/** The scenario format 1 (no `format` field), kept to read old files and migrate them to format 2. */
import { z } from 'zod';
import { Id, Lang, Text } from './common';
import { OUTCOMES, Person, TAGS, VENUES, Visitor } from './scenario';

// Format 1 used a subset of format 2's vocabulary: the same lists accept every old file.
const Delta = z.number().min(-50).max(50);

const Evidence = z.strictObject({ criterion: z.string(), points: z.int().min(-5).max(5), why: Text });

const Option = z.strictObject({
  id: Id,
  act: z.string(),
  /** What the receptionist says or does, as shown on the choice button. */
  text: Text,
  /** The visitor's answer; a list gives variants picked by the seeded RNG. */
  reply: z.union([Text, z.array(Text).min(1)]).optional(),
  /** Only offered in these states of the phase machine (default: wherever the act is possible). */
  when: z.array(z.string()).min(1).optional(),
  /** Spoken language of the line, for foreign visitors (default fr). */
  lang: Lang.optional(),
  register: z.enum(['soutenu', 'courant', 'familier']).optional(),
  tags: z.array(z.enum(TAGS)).optional(),
  effects: z.strictObject({ mood: Delta.optional(), trust: Delta.optional(), patience: Delta.optional() }).optional(),
  evidence: z.array(Evidence).optional(),
  /** This answer meets the visitor's real need (feeds satisfaction). */
  solves: z.boolean().optional(),
  /** The desk tool this act uses; the game opens it (consult a diary, fill the visitor log or a message slip…). */
  tool: z.enum(['directory', 'diary', 'rules', 'log', 'message', 'call']).optional(),
  /** Receptionist's body after the act, for the view. */
  posture: z.enum(['seated', 'standing', 'walking']).optional(),
});
export type OptionV1 = z.infer<typeof Option>;

const PhaseScript = z.strictObject({
  /** What the visitor says when the phase begins. */
  opening: Text.optional(),
  options: z.array(Option).min(1),
});

const Desk = z.strictObject({
  company: z.string().min(1),
  directory: z.array(Person).min(1),
  orgChart: z.array(z.strictObject({ service: Text, head: Id, members: z.array(Id) })).optional(),
  diaries: z.record(Id, z.array(z.strictObject({ time: z.string().regex(/^\d\d:\d\d$/, 'expected a time as HH:MM'), what: Text }))).optional(),
  screeningRules: z.array(Text).min(1),
  absences: z.array(z.strictObject({ person: Id, reason: Text })).optional(),
  floorPlan: z.array(z.strictObject({ place: Text, where: Text })).optional(),
  /** The clock shown on the desk when the shift starts. */
  startTime: z.string().regex(/^\d\d:\d\d$/, 'expected a time as HH:MM'),
});

const Contact = z.strictObject({
  id: Id,
  visitor: Visitor,
  request: z.strictObject({
    says: Text,
    needs: Text,
    urgency: z.enum(['low', 'normal', 'high']),
    outcome: z.strictObject({ kind: z.enum(OUTCOMES), person: Id.optional() }),
  }),
  /** Who the visitor waits for when handling defers, and when they turn up. */
  waiting: z
    .strictObject({
      colleague: Id,
      delay: z.number().positive(),
      afterChase: z.number().positive(),
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
});

/** Format 1, as shipped before format 2: read only to migrate it. */
export const ScenarioV1Schema = z.strictObject({
  id: Id,
  title: Text,
  summary: Text,
  channel: z.enum(['face', 'phone']),
  venue: z.enum(VENUES),
  difficulty: z.int().min(1).max(5),
  rubric: Id,
  /** Estimated minutes for a student. */
  duration: z.number().positive(),
  /** Hard stop of the simulated shift, in seconds. */
  timeLimit: z.number().positive(),
  desk: Desk,
  contacts: z.array(Contact).min(1),
  timeline: z.array(z.strictObject({ at: z.number().min(0), jitter: z.number().min(0).optional(), event: z.literal('arrival'), contact: Id })).min(1),
});

export type ScenarioV1 = z.infer<typeof ScenarioV1Schema>;
