// npm run audit [-- scenario files or folders]: plays every scenario with archetype players
// (ideal, leaker, insulter, wrong orientation, personal phone, hold abandoner, keys 1–9),
// prints a table of what each got, and exits 1 when one of them is not graded as an expert
// would (src/core/audit/audit.ts says what is expected of each).
import { ARCHETYPES } from '../core/audit/archetypes';
import { type AuditRow, auditScenario, KEYS } from '../core/audit/audit';
import { formatError } from '../core/load/yaml-source';
import { loadFromDisk } from './files';

const COLUMNS = ['ideal', ...Object.keys(ARCHETYPES), 'hold-abandoner', 'keys 1–9'];

/** A cell: the situation passed (P) or failed (F), ✗ when something is off, – when the scenario never offered the fault. */
function cell(rows: AuditRow[]): string {
  if (!rows.some((r) => r.applicable)) return '–';
  const bad = rows.some((r) => r.misses.length);
  const verdict = rows.length > 1 ? `${rows.filter((r) => !r.passed).length}/${rows.length} F` : rows[0].passed ? 'P' : 'F';
  return bad ? `✗ ${verdict}` : verdict;
}

try {
  const catalog = loadFromDisk(process.argv.slice(2));
  if (catalog.errors.length) throw new Error(catalog.errors.map(formatError).join('\n'));
  const all: AuditRow[] = [];
  const lines = [`| scenario | ${COLUMNS.join(' | ')} |`, `|---|${COLUMNS.map(() => '---').join('|')}|`];
  for (const scenario of catalog.scenarios) {
    const rows = auditScenario(scenario, catalog.rubrics.get(scenario.rubric)!, catalog.behaviours);
    all.push(...rows);
    const of = (name: string) =>
      name === 'keys 1–9' ? rows.filter((r) => KEYS.some((k) => r.archetype === `key-${k}`)) : rows.filter((r) => r.archetype === name);
    lines.push(`| ${scenario.id} | ${COLUMNS.map((c) => cell(of(c))).join(' | ')} |`);
  }
  console.log(lines.join('\n'));
  const misses = all.filter((r) => r.misses.length);
  const applicable = all.filter((r) => r.applicable).length;
  console.log(`\n${catalog.scenarios.length} scenarios, ${applicable} archetype runs with something to check, ${misses.length} not graded as expected.`);
  for (const r of misses) for (const m of r.misses) console.log(`  ✗ ${r.scenario} · ${r.archetype}: ${m}`);
  if (misses.length) process.exit(1);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
