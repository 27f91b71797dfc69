// npm run coverage: which visitor profiles, venues and languages the shipped scenarios cover.
// One row per profile (visitor trait, or a companion's role), one column per venue; a cell lists the
// visitors' languages of the scenarios that have that profile in that venue (× count when more than one).
import { VENUES } from '../core/schema/scenario';
import { loadFromDisk } from './files';

const catalog = loadFromDisk();
type Cell = Map<string, number>;
const table = new Map<string, Map<string, Cell>>();
const languages = new Map<string, number>();

for (const s of catalog.scenarios) {
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

const venues = VENUES.filter((v) => catalog.scenarios.some((s) => s.venue === v));
const show = (cell?: Cell) =>
  cell
    ? [...cell]
        .sort()
        .map(([l, n]) => (n > 1 ? `${l}×${n}` : l))
        .join(' ')
    : '';
const lines = [`| profile | ${venues.join(' | ')} |`, `|---|${venues.map(() => '---').join('|')}|`];
for (const p of [...table.keys()].sort()) lines.push(`| ${p} | ${venues.map((v) => show(table.get(p)?.get(v))).join(' | ')} |`);
const perVenue = venues.map((v) => catalog.scenarios.filter((s) => s.venue === v).length);
lines.push(`| **scenarios** | ${perVenue.join(' | ')} |`);
lines.push(
  '',
  `${catalog.scenarios.length} scenarios, ${venues.length} venues; visitors by language: ${[...languages]
    .sort()
    .map(([l, n]) => `${l} ${n}`)
    .join(', ')}.`,
);
console.log(lines.join('\n'));
