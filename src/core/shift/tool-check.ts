import type { Contact, Desk, Option } from '../schema/scenario';

/** What the student typed in a desk tool, field by field. */
export type ToolInput = Partial<Record<string, string>>;

/**
 * Why a field is wrong: left empty, not what the caller said, heard on a bad line and
 * never read back, or (appointments) clashing with the colleague's diary or outside
 * the caller's constraints.
 */
export type FieldProblem = 'missing' | 'different' | 'misheard' | 'diary' | 'constraint';

export interface ToolCheck {
  /** Fields missing or wrong, in the order checked (empty: it all matches). */
  wrong: string[];
  why: Record<string, FieldProblem>;
}

/** What else a check needs: the desk (diaries) and the acts done so far in the contact (read back, asked to repeat). */
export interface CheckContext {
  desk?: Desk;
  acts?: readonly string[];
}

const DEFAULT_CHECKS: Record<string, string[]> = {
  log: ['name', 'company'],
  call: ['for'],
  message: ['for', 'name', 'company', 'phone', 'subject'],
};

/** Acts that make sure a fact heard on a bad line is right (T22.5 « fidèle »; S22.2 « les obstacles »). */
const VERIFYING = new Set(['ASK_REPEAT', 'READ_BACK']);

/** Lower case, no accents, no punctuation, single spaces: "M. Dupont-Martin" ≈ "dupont martin". */
const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const digits = (s: string) => s.replace(/\D/g, '');

/** Urgency in any of the words a student may write, as one of three levels. */
function urgencyOf(s: string): 'high' | 'normal' | 'low' | undefined {
  const n = ` ${norm(s)} `;
  if (/ (pas|non|peu) urgent| low | faible | basse /.test(n)) return 'low';
  if (/ urgent| high | haute | prioritaire | immediat| asap /.test(n)) return 'high';
  if (/ normal| moyenne | medium /.test(n)) return 'normal';
  return undefined;
}

/** Times said in a text ("avant 17 h", "14h30", "16:00") as minutes since midnight, sorted. */
export function timesIn(s: string): number[] {
  const out: number[] = [];
  for (const m of s.matchAll(/(\d{1,2})\s*(?:h|:|heures?)\s*(\d{2})?/gi)) {
    const h = Number(m[1]);
    const min = Number(m[2] ?? 0);
    if (h < 24 && min < 60) out.push(h * 60 + min);
  }
  return out.sort((a, b) => a - b);
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** Whether a typed value says what the caller said: every word of the fact, numbers digit for digit, the same urgency and times. */
function matches(field: string, typed: string | undefined, fact: string): boolean {
  if (!typed?.trim()) return false;
  if (field === 'phone') return digits(fact) !== '' ? digits(typed).endsWith(digits(fact)) || digits(typed) === digits(fact) : norm(typed).includes(norm(fact));
  if (field === 'urgency') return urgencyOf(typed) !== undefined && urgencyOf(typed) === urgencyOf(fact);
  if (field === 'callback') {
    const want = timesIn(fact);
    if (want.length) return timesIn(typed).join(',') === want.join(',');
  }
  const words = norm(fact)
    .split(' ')
    .filter((w) => w.length > 2 || /\d/.test(w));
  const got = ` ${norm(typed)} `;
  return words.every((w) => got.includes(` ${w} `) || got.includes(w));
}

/** The colleague's diary entries as [start, end) minutes (an entry without `until` takes an hour). */
function busy(desk: Desk | undefined, person: string | undefined): [number, number][] {
  return (desk?.diaries?.[person ?? ''] ?? []).map((e) => [minutes(e.time), e.until ? minutes(e.until) : minutes(e.time) + 60]);
}

/**
 * Whether an appointment at `time` fits: it overlaps nothing in the colleague's diary
 * (C226.1 « Respecter les consignes »), and falls whole within one of the caller's
 * windows (« et la demande »).
 */
export function appointmentProblem(contact: Contact, desk: Desk | undefined, time: string | undefined): FieldProblem | undefined {
  const at = time ? timesIn(time)[0] : undefined;
  if (at === undefined) return 'missing';
  const need = contact.appointment;
  const length = need?.minutes ?? 30;
  if (busy(desk, contact.request.outcome.person).some(([from, to]) => at < to && from < at + length)) return 'diary';
  if (need && !need.within.some((w) => minutes(w.from) <= at && at + length <= minutes(w.to))) return 'constraint';
  return undefined;
}

/** The first slot, on the quarter hour, that fits the diary and the caller (what a careful receptionist would book). */
export function freeSlot(contact: Contact, desk: Desk | undefined): string | undefined {
  const windows = contact.appointment?.within ?? [{ from: '09:00', to: '18:00' }];
  for (const w of windows)
    for (let at = minutes(w.from); at < minutes(w.to); at += 15) {
      const hhmm = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
      if (!appointmentProblem(contact, desk, hhmm)) return hhmm;
    }
  return undefined;
}

/**
 * Compares a desk tool's content with what the visitor or caller said, field by field.
 * A fact garbled on a bad line counts as wrong unless it was checked (asked to repeat,
 * spelled, read back) before it was written down — even when the guess is right. An
 * appointment (tool `diary` with a `time` check) must fit the diary and the caller.
 * Nothing to compare: undefined.
 */
export function checkToolContent(option: Option, contact: Contact, input: ToolInput | undefined, context: CheckContext = {}): ToolCheck | undefined {
  const fields = option.checks ?? DEFAULT_CHECKS[option.tool ?? ''];
  if (!fields?.length) return undefined;
  const facts: Record<string, string | undefined> = { ...contact.facts, for: contact.facts?.for ?? contact.request.outcome.person };
  const timed = option.tool === 'diary' && fields.includes('time');
  const checked = fields.filter((f) => facts[f] !== undefined || (f === 'time' && timed));
  if (!checked.length) return undefined;
  const verified = context.acts?.some((a) => VERIFYING.has(a)) ?? false;
  const misheard = contact.call?.badLine?.misheard ?? {};
  const why: Record<string, FieldProblem> = {};
  for (const f of checked) {
    const typed = input?.[f];
    if (f === 'time' && timed) {
      const problem = appointmentProblem(contact, context.desk, typed);
      if (problem) why[f] = problem;
    } else if (!typed?.trim()) why[f] = 'missing';
    else if (misheard[f as keyof typeof misheard] !== undefined && !verified) why[f] = 'misheard';
    else if (!matches(f, typed, facts[f]!)) why[f] = 'different';
  }
  return { wrong: checked.filter((f) => why[f]), why };
}

/** The fields that are missing or wrong (empty when it all matches); undefined when there is nothing to compare. */
export function checkTool(option: Option, contact: Contact, input: ToolInput | undefined, context: CheckContext = {}): string[] | undefined {
  return checkToolContent(option, contact, input, context)?.wrong;
}
