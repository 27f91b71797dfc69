import { z } from 'zod';
import { Id, Text } from './common';

export const LEVELS = ['TI', 'I', 'S', 'TS'] as const;
export type Level = (typeof LEVELS)[number];

/** How one moment bears on an indicator, from best to worst. */
export const STATUSES = ['met', 'partly', 'missed', 'breach', 'grave'] as const;
export type Status = (typeof STATUSES)[number];

/** "CP3", or a task of the référentiel such as "T22.5" (an indicator ref is the criterion, a dot, the indicator id). */
const CriterionId = z.string().regex(/^[A-Z][A-Z0-9.]*[A-Z0-9]$/, 'expected a criterion id such as "CP3" or "T22.5"');

const Indicator = z.strictObject({
  /** Short id, unique within its criterion; referred to as "CP3.welcome". */
  id: Id,
  text: Text,
  /** Where the référentiel says it (e.g. "T11.1"), or "paraphrase" when the wording is ours. */
  source: z.string().min(1),
  /** An essential indicator missed puts the criterion at I at best. A scenario may make others essential. */
  essential: z.boolean(),
  /**
   * false: met or broken only by what the student does (calm, courtesy), never missed
   * by not choosing a particular option — keeping calm needs no special act.
   */
  omission: z.boolean().default(true),
});

const Criterion = z.strictObject({
  id: CriterionId,
  /** Regulatory wording, quoted exactly from the référentiel. */
  wording: z.string().min(1),
  gloss: z.strictObject({ en: z.string().min(1) }),
  indicators: z.array(Indicator).min(1),
  /** Observed only where a contact of this channel is served (A1's tasks and T32.1 in the phone rubric: a visitor at a mixed desk). */
  channel: z.enum(['face', 'phone']).optional(),
});

/** Counts a rule can test, computed per criterion from its indicators' worst observations. */
export const COUNTS = ['grave', 'breach', 'essentialNotMet', 'notMet', 'partly', 'compounded', 'absent', 'gaps'] as const;
export type Count = (typeof COUNTS)[number];

const Test = z.strictObject({
  count: z.enum(COUNTS),
  /** And this other count too (both must hold): "none met, an essential among them". */
  with: z.strictObject({ count: z.enum(COUNTS), atLeast: z.int().min(1) }).optional(),
  /** At least this many. */
  atLeast: z.int().min(1),
  /** And more than this share of the essentials assessed (0–1), for "most essentials missing". */
  shareOfEssentials: z.number().min(0).max(1).optional(),
  /** And at least this share of the indicators assessed (0–1): 1 for "none of them met". */
  shareOfAssessed: z.number().min(0).max(1).optional(),
});

/** The first rule that matches gives the level; TS when none does. */
const LevelRule = z.strictObject({ level: z.enum(LEVELS), any: z.array(Test).min(1), why: Text });

const Band = z.strictObject({ within: z.number().positive(), as: z.enum(STATUSES), why: Text });

/** Start-of-shift preparation (CP1): one outfit to choose for the venue, and tasks to do. */
const Preparation = z.strictObject({
  outfits: z.array(z.strictObject({ id: Id, text: Text, suits: z.array(z.string()), unsuitable: z.enum(['missed', 'breach', 'grave']), why: Text })).min(2),
  outfit: z.strictObject({ indicator: z.string(), whyMissing: Text }),
  tasks: z.array(
    z.strictObject({ id: Id, text: Text, indicator: z.string(), unmet: z.enum(['partly', 'missed']).default('missed'), why: Text, whyMissing: Text }),
  ),
});
export type Preparation = z.infer<typeof Preparation>;

/**
 * The same automatic observation for a visitor at the counter of a mixed desk, on a phone rubric:
 * on the rubric's face-to-face criteria (A1's tasks) and in a visitor's words, not a caller's.
 */
const FaceRule = z.strictObject({ indicator: z.string(), why: Text, steady: Text.optional() }).optional();

export const RubricSchema = z
  .strictObject({
    id: Id,
    title: Text,
    source: z.string().min(1),
    channel: z.enum(['face', 'phone']),
    levels: z.array(z.strictObject({ id: z.enum(LEVELS), label: Text })).length(4, 'expected the four levels TI, I, S, TS'),
    rules: z.array(LevelRule).min(1),
    criteria: z.array(Criterion).min(1),
    observations: z.strictObject({
      /** Seconds from arrival to the first act that addresses the visitor (T11.1 « rapidement prise en compte »). */
      acknowledge: z.strictObject({
        indicator: z.string(),
        bands: z.array(Band).min(1),
        later: z.strictObject({ as: z.enum(STATUSES), why: Text }),
        /** Later than the bands, while the student was serving someone else (a delay explained, a sign still owed). */
        whileServing: z.strictObject({ as: z.enum(STATUSES), why: Text }).optional(),
      }),
      /**
       * A call is picked up after so many rings (T21.1 « L'appel est pris en charge rapidement »):
       * `ring` seconds per ring, bands `within` that many rings. Without it, calls use `acknowledge`.
       */
      pickUp: z
        .strictObject({
          indicator: z.string(),
          ring: z.number().positive().max(30),
          bands: z.array(Band).min(1),
          later: z.strictObject({ as: z.enum(STATUSES), why: Text }),
          /** Why, when nobody picked up at all (the caller hung up or the shift ended while it rang); default: `later.why`. */
          unanswered: Text.optional(),
        })
        .optional(),
      /** The visitor's patience ran out while nobody told them anything. */
      patienceExhausted: z.strictObject({ indicator: z.string(), as: z.enum(STATUSES), why: Text, face: FaceRule }),
      /**
       * A caller on hold or parked spoken to again only after `within` seconds (or the wait
       * announced, when longer) with no news (C224.1 « informer régulièrement »).
       */
      holdNews: z.strictObject({ indicator: z.string(), within: z.number().positive().max(600), as: z.enum(STATUSES), why: Text }).optional(),
      /** The visitor walked out before the request was dealt with. */
      walkOut: z.strictObject({ indicator: z.string(), why: Text, face: FaceRule }),
      /** The contact ended without any act that meets the visitor's real need. */
      needUnmet: z.strictObject({ indicator: z.string(), why: Text, face: FaceRule }),
      /**
       * Attitudes kept under control: a tense moment (a phase marked `tension`) went by without
       * losing one's temper (`why`), or a contact with no tension showed no lapse (`steady`).
       */
      composure: z.strictObject({ indicator: z.string(), why: Text, steady: Text.optional(), face: FaceRule }),
      /**
       * Doing two things at once (C321.1), at a desk where visitors and calls overlap: excusing
       * oneself to the visitor before picking up, putting a caller on hold before turning to a
       * visitor, a call lost while a visitor was served.
       */
      simultaneous: z.strictObject({ indicator: z.string(), excused: Text, unexcused: Text, unparked: Text, lost: Text }).optional(),
      /** What was typed in a desk tool does not match what the visitor said. */
      /**
       * What was typed does not match what was said: `as`; `oneField` when a single field is
       * off and it is not the time (an appointment at a time that cannot work fails the booking).
       */
      toolContent: z.strictObject({ as: z.enum(STATUSES), oneField: z.enum(STATUSES).optional() }),
    }),
    preparation: Preparation.optional(),
  })
  .superRefine((r, ctx) => {
    const known = new Set(r.criteria.flatMap((c) => c.indicators.map((i) => `${c.id}.${i.id}`)));
    const ref = (id: string, path: (string | number)[]) => {
      if (!known.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown indicator "${id}"; expected one of ${[...known].join(', ')}` });
    };
    ref(r.observations.acknowledge.indicator, ['observations', 'acknowledge', 'indicator']);
    if (r.observations.simultaneous) ref(r.observations.simultaneous.indicator, ['observations', 'simultaneous', 'indicator']);
    if (r.observations.pickUp) ref(r.observations.pickUp.indicator, ['observations', 'pickUp', 'indicator']);
    if (r.observations.holdNews) ref(r.observations.holdNews.indicator, ['observations', 'holdNews', 'indicator']);
    ref(r.observations.patienceExhausted.indicator, ['observations', 'patienceExhausted', 'indicator']);
    ref(r.observations.composure.indicator, ['observations', 'composure', 'indicator']);
    ref(r.observations.walkOut.indicator, ['observations', 'walkOut', 'indicator']);
    ref(r.observations.needUnmet.indicator, ['observations', 'needUnmet', 'indicator']);
    for (const k of ['patienceExhausted', 'walkOut', 'needUnmet', 'composure'] as const) {
      const face = r.observations[k].face;
      if (face) ref(face.indicator, ['observations', k, 'face', 'indicator']);
    }
    if (r.preparation) {
      ref(r.preparation.outfit.indicator, ['preparation', 'outfit', 'indicator']);
      r.preparation.tasks.forEach((t, i) => ref(t.indicator, ['preparation', 'tasks', i, 'indicator']));
    }
    const order = r.levels.map((l) => l.id).join(',');
    if (order !== LEVELS.join(','))
      ctx.addIssue({ code: 'custom', path: ['levels'], message: `levels must be listed as ${LEVELS.join(', ')} (lowest first), got ${order}` });
    r.criteria.forEach((c, ci) => {
      const seen = new Set<string>();
      c.indicators.forEach((i, ii) => {
        if (seen.has(i.id))
          ctx.addIssue({ code: 'custom', path: ['criteria', ci, 'indicators', ii, 'id'], message: `indicator "${i.id}" is listed twice in ${c.id}` });
        seen.add(i.id);
      });
    });
  });

export type Rubric = z.infer<typeof RubricSchema>;
