import type { Contact, Option } from '../schema/scenario';

/** What the student typed in a desk tool, field by field. */
export type ToolInput = Partial<Record<string, string>>;

const DEFAULT_CHECKS: Record<string, string[]> = {
  log: ['name', 'company'],
  call: ['for'],
  message: ['for', 'name', 'company', 'phone', 'subject'],
};

/** Lower case, no accents, no punctuation, single spaces: "M. Dupont-Martin" ≈ "dupont martin". */
const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const digits = (s: string) => s.replace(/\D/g, '');

/** Whether a typed value says what the visitor said: every word of the fact, numbers digit for digit. */
function matches(field: string, typed: string | undefined, fact: string): boolean {
  if (!typed?.trim()) return false;
  if (field === 'phone' || field === 'callback')
    return digits(fact) !== '' ? digits(typed).endsWith(digits(fact)) || digits(typed) === digits(fact) : norm(typed).includes(norm(fact));
  const words = norm(fact)
    .split(' ')
    .filter((w) => w.length > 2 || /\d/.test(w));
  const got = ` ${norm(typed)} `;
  return words.every((w) => got.includes(` ${w} `) || got.includes(w));
}

/**
 * Compares a desk tool's content with what the visitor said; returns the fields that
 * are missing or wrong (empty when it all matches). Nothing to compare: undefined.
 */
export function checkTool(option: Option, contact: Contact, input: ToolInput | undefined): string[] | undefined {
  const fields = option.checks ?? DEFAULT_CHECKS[option.tool ?? ''];
  if (!fields?.length) return undefined;
  const facts: Record<string, string | undefined> = { ...contact.facts, for: contact.facts?.for ?? contact.request.outcome.person };
  const checked = fields.filter((f) => facts[f] !== undefined);
  if (!checked.length) return undefined;
  return checked.filter((f) => !matches(f, input?.[f], facts[f]!));
}
