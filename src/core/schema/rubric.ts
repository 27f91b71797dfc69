import { z } from 'zod';
import { ACTS, PHASES } from '../machines/procedure';
import { Id, Text } from './common';

export const LEVELS = ['TI', 'I', 'S', 'TS'] as const;
export type Level = (typeof LEVELS)[number];

const CriterionId = z.string().regex(/^[A-Z][A-Z0-9.]*$/, 'expected a criterion id such as "CP3"');

const Criterion = z.strictObject({
  id: CriterionId,
  /** Regulatory wording, quoted exactly from the référentiel. */
  wording: z.string().min(1),
  gloss: z.strictObject({ en: z.string().min(1) }),
  indicators: z.array(Text).min(1),
});

const Band = z.strictObject({ within: z.number().positive(), points: z.int(), why: Text });

const ProcedureStep = z.strictObject({
  phase: z.enum(PHASES),
  act: z.string(),
  criterion: CriterionId,
  points: z.int().positive(),
  missing: z.int().max(0),
  why: Text,
  whyMissing: Text,
});

/** Start-of-shift preparation (CP1): one outfit to choose for the venue, and tasks to do. */
const Preparation = z.strictObject({
  outfits: z.array(z.strictObject({ id: Id, text: Text, suits: z.array(z.string()), why: Text })).min(2),
  outfit: z.strictObject({ criterion: CriterionId, points: z.int().positive(), missing: z.int().max(0), whyMissing: Text }),
  tasks: z.array(
    z.strictObject({ id: Id, text: Text, criterion: CriterionId, points: z.int().positive(), missing: z.int().max(0), why: Text, whyMissing: Text }),
  ),
});
export type Preparation = z.infer<typeof Preparation>;

export const RubricSchema = z
  .strictObject({
    id: Id,
    title: Text,
    source: z.string().min(1),
    channel: z.enum(['face', 'phone']),
    levels: z.array(z.strictObject({ id: z.enum(LEVELS), label: Text, min: z.number().min(-1).max(1) })).length(4, 'expected the four levels TI, I, S, TS'),
    criteria: z.array(Criterion).min(1),
    observations: z.strictObject({
      /** Seconds from arrival to the first act on a contact (T11.1 "rapidement prise en compte"). */
      acknowledge: z.strictObject({ criterion: CriterionId, bands: z.array(Band).min(1), later: z.strictObject({ points: z.int(), why: Text }) }),
      /** The visitor's patience ran out while nobody told them anything. */
      patienceExhausted: z.strictObject({ criterion: CriterionId, points: z.int().max(0), why: Text }),
    }),
    procedure: z.array(ProcedureStep),
    preparation: Preparation.optional(),
  })
  .superRefine((r, ctx) => {
    const ids = new Set(r.criteria.map((c) => c.id));
    const ref = (id: string, path: (string | number)[]) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown criterion "${id}"; expected one of ${[...ids].join(', ')}` });
    };
    ref(r.observations.acknowledge.criterion, ['observations', 'acknowledge', 'criterion']);
    ref(r.observations.patienceExhausted.criterion, ['observations', 'patienceExhausted', 'criterion']);
    if (r.preparation) {
      ref(r.preparation.outfit.criterion, ['preparation', 'outfit', 'criterion']);
      r.preparation.tasks.forEach((t, i) => ref(t.criterion, ['preparation', 'tasks', i, 'criterion']));
    }
    r.procedure.forEach((s, i) => {
      ref(s.criterion, ['procedure', i, 'criterion']);
      const acts: readonly string[] = ACTS[s.phase];
      if (!acts.includes(s.act))
        ctx.addIssue({
          code: 'custom',
          path: ['procedure', i, 'act'],
          message: `act "${s.act}" does not exist in phase ${s.phase}; expected one of ${acts.join(', ')}`,
        });
    });
    const order = r.levels.map((l) => l.id).join(',');
    if (order !== LEVELS.join(','))
      ctx.addIssue({ code: 'custom', path: ['levels'], message: `levels must be listed as ${LEVELS.join(', ')} (lowest first), got ${order}` });
    r.levels.forEach((l, i) => {
      if (i > 0 && l.min <= r.levels[i - 1].min)
        ctx.addIssue({ code: 'custom', path: ['levels', i, 'min'], message: 'level thresholds must increase from TI to TS' });
    });
  });

export type Rubric = z.infer<typeof RubricSchema>;
