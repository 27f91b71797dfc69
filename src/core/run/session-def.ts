import { z } from 'zod';
import { hash, stableJson } from './hash';

/** A teacher's assessment session: what every student of the class plays, and how. */
export const SessionDefSchema = z.strictObject({
  v: z.literal(1),
  id: z.string().regex(/^[a-z0-9]{6,32}$/),
  name: z.string().min(1).max(80),
  rubric: z.string().min(1).max(40),
  scenarios: z
    .array(z.strictObject({ id: z.string().min(1).max(80), limit: z.number().int().min(30).max(3600) }))
    .min(1)
    .max(20),
  /** Whole session, seconds. */
  overall: z
    .number()
    .int()
    .min(60)
    .max(4 * 3600),
  hints: z.boolean(),
  /** Levels shown to the student after each scenario. */
  feedback: z.boolean(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  /** Score (0–100) needed to pass. */
  threshold: z.number().int().min(0).max(100),
  /** Extra time granted to some students (tiers-temps), percent. */
  extraPercent: z.number().int().min(0).max(100),
  /** This copy of the session grants the extra time. */
  extra: z.boolean(),
});
export type SessionDef = z.infer<typeof SessionDefSchema>;

/**
 * A session as the teacher saved it: the reference a results file is checked against, and
 * who was handed the extra-time link (`extra: false` keeps a name without the grant).
 */
export interface SavedSession {
  def: SessionDef;
  grants: { student: string; extra?: boolean }[];
}

export type SessionRefusal = 'malformed' | 'tampered' | 'invalid';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The session as the `session=` value of a link: data, a dot, and its hash (edits show). */
export function encodeSession(def: SessionDef): string {
  const json = stableJson(SessionDefSchema.parse(def));
  return `${toBase64Url(json)}.${hash(json)}`;
}

export function decodeSession(token: string): { session: SessionDef } | { refused: SessionRefusal; detail: string } {
  const [data, sum, ...rest] = token.trim().split('.');
  if (!data || !sum || rest.length || token.length > 8000) return { refused: 'malformed', detail: 'expected <data>.<hash>' };
  let json: string;
  try {
    json = fromBase64Url(data);
  } catch {
    return { refused: 'malformed', detail: 'not base64url text' };
  }
  if (hash(json) !== sum) return { refused: 'tampered', detail: 'the hash does not match the data' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { refused: 'malformed', detail: 'not JSON' };
  }
  const parsed = SessionDefSchema.safeParse(value);
  if (!parsed.success) return { refused: 'invalid', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { session: parsed.data };
}

// The session's clocks live in a module of their own, without zod, for the first screen.
export { overallSeconds, scenarioSeconds } from './session-time';
