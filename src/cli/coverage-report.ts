// What `npm run coverage` prints, from the loaded scenarios (no file access, so a test can call it).
// A table of profiles × venues × visitors' languages, then the number of scenarios per difficulty
// (1 to 5) and per profile (visitor trait, every trait the format knows, none left out when it is 0),
// and how far the shipped set is from the targets of the path (issue 22).
import { type Scenario, TRAITS, VENUES } from '../core/schema/scenario';

/** The path's targets: at least 40 scenarios, each difficulty at least five times, these profiles at least once. */
export const TARGETS = { scenarios: 40, perDifficulty: 5, profiles: ['vip', 'talkative', 'complainant', 'courier', 'unwell'] } as const;

export interface Coverage {
  scenarios: number;
  /** Scenarios per difficulty, 1 to 5. */
  difficulty: Record<1 | 2 | 3 | 4 | 5, number>;
  /** Scenarios with at least one visitor or caller of this trait, for every trait. */
  traits: Record<(typeof TRAITS)[number], number>;
  /** What the targets still lack, in words (empty when every target is met). */
  short: string[];
  text: string;
}

type Cell = Map<string, number>;

export function coverageOf(scenarios: Scenario[]): Coverage {
  const table = new Map<string, Map<string, Cell>>();
  const languages = new Map<string, number>();
  for (const s of scenarios) {
    for (const c of s.contacts) {
      const profiles = new Set<string>([...c.visitor.traits, ...(c.companions ?? []).map((x) => `with ${x.role}`)]);
      const lang = c.visitor.language;
      languages.set(lang, (languages.get(lang) ?? 0) + 1);
      for (const p of profiles) {
        const row = table.get(p) ?? new Map<string, Cell>();
        const cell = row.get(s.venue) ?? new Map<string, number>();
        cell.set(lang, (cell.get(lang) ?? 0) + 1);
        row.set(s.venue, cell);
        table.set(p, row);
      }
    }
  }

  const venues = VENUES.filter((v) => scenarios.some((s) => s.venue === v));
  const show = (cell?: Cell) =>
    cell
      ? [...cell]
          .sort()
          .map(([l, n]) => (n > 1 ? `${l}×${n}` : l))
          .join(' ')
      : '';
  const lines = [`| profile | ${venues.join(' | ')} |`, `|---|${venues.map(() => '---').join('|')}|`];
  for (const p of [...table.keys()].sort()) lines.push(`| ${p} | ${venues.map((v) => show(table.get(p)?.get(v))).join(' | ')} |`);
  const perVenue = venues.map((v) => scenarios.filter((s) => s.venue === v).length);
  lines.push(`| **scenarios** | ${perVenue.join(' | ')} |`);

  const difficulty = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const s of scenarios) difficulty[s.difficulty as 1 | 2 | 3 | 4 | 5]++;
  const traits = Object.fromEntries(
    TRAITS.map((t) => [t, scenarios.filter((s) => s.contacts.some((c) => c.visitor.traits.includes(t))).length]),
  ) as Coverage['traits'];

  const short: string[] = [];
  if (scenarios.length < TARGETS.scenarios) short.push(`${TARGETS.scenarios - scenarios.length} more scenarios`);
  for (const [d, n] of Object.entries(difficulty)) if (n < TARGETS.perDifficulty) short.push(`${TARGETS.perDifficulty - n} more of difficulty ${d}`);
  for (const p of TARGETS.profiles) if (!traits[p]) short.push(`no ${p} visitor yet`);

  lines.push(
    '',
    `${scenarios.length} scenarios, ${venues.length} venues; visitors by language: ${[...languages]
      .sort()
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}.`,
    '',
    `Scenarios by difficulty: ${Object.entries(difficulty)
      .map(([d, n]) => `${d}: ${n}`)
      .join(', ')}.`,
    `Scenarios by profile (visitor trait): ${TRAITS.map((t) => `${t} ${traits[t]}`).join(', ')}.`,
    short.length
      ? `Short of the path's targets (${TARGETS.scenarios} scenarios, each difficulty ${TARGETS.perDifficulty} times, ${TARGETS.profiles.join(', ')}): ${short.join('; ')}.`
      : `The path's targets are met (${TARGETS.scenarios} scenarios or more, each difficulty ${TARGETS.perDifficulty} times or more, ${TARGETS.profiles.join(', ')}).`,
  );
  return { scenarios: scenarios.length, difficulty, traits, short, text: lines.join('\n') };
}
