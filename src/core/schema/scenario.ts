import { z } from 'zod';
import { phaseStates } from '../machines/index';
import { ACTS, PHASES } from '../machines/procedure';
import { Id, Lang, Text } from './common';

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
  'sight-impaired',
] as const;
export const VENUES = ['company-hall', 'station', 'trade-fair', 'hospital', 'town-hall', 'hotel'] as const;
export const VISITOR_TYPES = ['client', 'usager', 'fournisseur', 'prospect', 'internal'] as const;
export const OUTCOMES = ['orientation', 'information', 'advice', 'assistance', 'message', 'appointment', 'refusal'] as const;
/** Tags say what kind of behaviour an option is; traits react to them. */
export const TAGS = ['empathy', 'initiative', 'apology', 'provocation', 'firm', 'alternative'] as const;

const Score = z.number().min(0).max(100);
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
export type Option = z.infer<typeof Option>;

const PhaseScript = z.strictObject({
  /** What the visitor says when the phase begins. */
  opening: Text.optional(),
  options: z.array(Option).min(1),
});
export type PhaseScript = z.infer<typeof PhaseScript>;

const Person = z.strictObject({
  id: Id,
  name: z.string().min(1),
  role: Text,
  service: Text,
  extension: z.string().regex(/^\d{2,5}$/, 'expected a phone extension of 2 to 5 digits'),
  location: Text,
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

const Visitor = z.strictObject({
  name: z.string().min(1),
  civility: z.enum(['Madame', 'Monsieur']),
  company: z.string().optional(),
  type: z.enum(VISITOR_TYPES),
  traits: z.array(z.enum(TRAITS)).min(1),
  language: Lang,
  patience: Score,
  mood: Score,
  trust: Score,
  lines: z.strictObject({ speakUp: Text.optional(), complain: Text.optional(), walkOut: Text.optional() }).optional(),
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
export type Contact = z.infer<typeof Contact>;

export const ScenarioSchema = z
  .strictObject({
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
  })
  .superRefine(checkReferences);

export type Scenario = z.infer<typeof ScenarioSchema>;

type Ctx = z.RefinementCtx;

/** Dangling references and impossible scripts, each reported where it stands. */
function checkReferences(s: z.infer<typeof ScenarioSchema>, ctx: Ctx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const people = new Set(s.desk.directory.map((p) => p.id));
  const person = (id: string | undefined, path: (string | number)[]) => {
    if (id !== undefined && !people.has(id)) issue(path, `unknown person "${id}"; expected an id from desk.directory (${[...people].join(', ')})`);
  };
  Object.keys(s.desk.diaries ?? {}).forEach((id) => person(id, ['desk', 'diaries', id]));
  s.desk.absences?.forEach((a, i) => person(a.person, ['desk', 'absences', i, 'person']));
  s.desk.orgChart?.forEach((o, i) => {
    person(o.head, ['desk', 'orgChart', i, 'head']);
    o.members.forEach((m, j) => person(m, ['desk', 'orgChart', i, 'members', j]));
  });
  const contacts = new Set(s.contacts.map((c) => c.id));
  s.timeline.forEach((t, i) => {
    if (!contacts.has(t.contact)) issue(['timeline', i, 'contact'], `unknown contact "${t.contact}"; expected one of ${[...contacts].join(', ')}`);
  });
  s.contacts.forEach((c, ci) => {
    const at = (...p: (string | number)[]) => ['contacts', ci, ...p];
    person(c.request.outcome.person, at('request', 'outcome', 'person'));
    person(c.waiting?.colleague, at('waiting', 'colleague'));
    if (!s.timeline.some((t) => t.contact === c.id)) issue(at('id'), `contact "${c.id}" never arrives: add a timeline event for it`);
    const ids = new Set<string>();
    for (const phase of PHASES) {
      const script = c.phases[phase];
      if (!script) continue;
      const acts: readonly string[] = ACTS[phase];
      const states = phaseStates(phase);
      script.options.forEach((o, oi) => {
        const p = (...q: (string | number)[]) => at('phases', phase, 'options', oi, ...q);
        if (ids.has(o.id)) issue(p('id'), `option id "${o.id}" is used twice in contact "${c.id}"`);
        ids.add(o.id);
        if (!acts.includes(o.act)) issue(p('act'), `act "${o.act}" does not exist in phase ${phase}; expected one of ${acts.join(', ')}`);
        o.when?.forEach((w, wi) => {
          if (!states.includes(w)) issue(p('when', wi), `state "${w}" does not exist in phase ${phase}; expected one of ${states.join(', ')}`);
        });
      });
    }
    const defer = c.phases.handling.options.findIndex((o) => o.act === 'DEFER');
    const deferAt = at('phases', 'handling', 'options', defer, 'act');
    if (defer >= 0 && !c.phases.waiting)
      issue(deferAt, 'this DEFER leads to the waiting phase, but phases.waiting is missing: add it (SEAT, ANNOUNCE_WAIT, CHASE, HAND_OVER options)');
    if (defer >= 0 && !c.waiting) issue(deferAt, 'this DEFER needs a "waiting" block on the contact (colleague, delay, afterChase, arrival)');
  });
}
