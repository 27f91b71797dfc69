// docs/writing-scenarios.md cannot rot: its example is loaded by the game's own loader, played
// and audited; the commands, shared behaviours, moves and desks it names must exist.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFromDisk } from '../../src/cli/files';
import { auditScenario } from '../../src/core/audit/audit';
import { designWarnings } from '../../src/core/load/design-check';
import { formatError } from '../../src/core/load/yaml-source';
import { play } from '../../src/core/policies/play';
import { levelsOf } from '../../src/core/run/attempt';
import { situationScore } from '../../src/core/run/grade';
import { verdictOf } from '../../src/core/scoring/verdict';

const DOC = readFileSync('docs/writing-scenarios.md', 'utf8');
const yamlBlocks = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
/** The commented example: the first YAML block, the one that is a whole scenario. */
const example = yamlBlocks[0];

function loadExample() {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-doc-'));
  const file = join(dir, 'exemple.yaml');
  writeFileSync(file, example);
  // The same call as `npm run validate -- <file>`: rubrics and shared files from scenarios/.
  return loadFromDisk([file]);
}

describe('docs/writing-scenarios.md', () => {
  it('is linked from the README’s teacher section', () => {
    const readme = readFileSync('README.md', 'utf8');
    const teachers = readme.slice(readme.indexOf('## Teachers'), readme.indexOf('\n## ', readme.indexOf('## Teachers') + 1));
    expect(teachers).toContain('docs/writing-scenarios.md');
  });

  it('has a commented example that the loader accepts with no error and no design warning', () => {
    expect(example, 'a ```yaml block').toBeTruthy();
    expect(example).toMatch(/^format: 2\b/m);
    expect(example.match(/#/g)?.length ?? 0, 'commented').toBeGreaterThan(20);
    const catalog = loadExample();
    expect(catalog.errors.map(formatError)).toEqual([]);
    expect(catalog.scenarios).toHaveLength(1);
    const [scenario] = catalog.scenarios;
    expect(designWarnings(scenario, catalog.rubrics.get(scenario.rubric)!, catalog.behaviours)).toEqual([]);
  });

  it('its example plays to a pass for the ideal receptionist, and the audit finds nothing off', () => {
    const catalog = loadExample();
    const [scenario] = catalog.scenarios;
    const rubric = catalog.rubrics.get(scenario.rubric)!;
    const result = play(scenario, rubric, 'ideal', 1);
    const score = situationScore([{ levels: levelsOf(result), failed: verdictOf(result).failed }]);
    expect(score.passed).toBe(true);
    expect(Object.values(levelsOf(result)).filter((l) => l && l !== 'TS')).toEqual([]);
    const misses = auditScenario(scenario, rubric, catalog.behaviours).flatMap((r) => r.misses);
    expect(misses).toEqual([]);
  });

  it('takes its example from the shipped scenario it names, and uses a shared behaviour without writing its observations', () => {
    const shipped = loadFromDisk().scenarios.find((s) => s.id === 'supplier-appointment');
    expect(shipped, 'scenarios/supplier-appointment.yaml').toBeDefined();
    expect(DOC).toContain('scenarios/supplier-appointment.yaml');
    const data = parse(example);
    const ex = data.contacts[0];
    const shippedContact = shipped!.contacts[0];
    expect(ex.visitor.name).toBe(shippedContact.visitor.name);
    expect(ex.request.says).toEqual(shippedContact.request.says);
    const options = Object.values(ex.phases as Record<string, { options: { use?: string; observe?: unknown }[] }>).flatMap((p) => p.options);
    const used = options.filter((o) => o.use);
    expect(used.length).toBeGreaterThan(0);
    expect(used.every((o) => o.observe === undefined)).toBe(true);
  });

  it('names only npm scripts that exist', () => {
    const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts);
    const named = [...new Set([...DOC.matchAll(/npm run ([a-z:]+)/g)].map((m) => m[1]))];
    expect(named.length).toBeGreaterThanOrEqual(6);
    expect(named.filter((n) => !scripts.includes(n))).toEqual([]);
    for (const needed of ['validate', 'sim', 'audit']) expect(named).toContain(needed);
    expect(DOC).toContain('npm start');
  });

  it('names only shared behaviours, moves and desks that exist', () => {
    const behaviours = Object.keys(parse(readFileSync('scenarios/shared/behaviours.yaml', 'utf8')).behaviours);
    const moves = Object.keys(parse(readFileSync('scenarios/shared/moves.yaml', 'utf8')).moves);
    const desks = Object.keys(parse(readFileSync('scenarios/shared/desks.yaml', 'utf8')).desks);
    const section = (title: string) => {
      const start = DOC.indexOf(title);
      return DOC.slice(start, DOC.indexOf('\n## ', start + 1));
    };
    const ticks = (text: string) => [...text.matchAll(/`([a-z][a-z-]+)`/g)].map((m) => m[1]);
    // Every `use: x` in the doc, and every id in the behaviours' list, is in the library.
    const uses = [...DOC.matchAll(/use: ([a-z-]+)/g)].map((m) => m[1]);
    expect(uses.filter((u) => !behaviours.includes(u) && !moves.includes(u) && !desks.includes(u))).toEqual([]);
    const list = section('## 3.').slice(section('## 3.').indexOf('disponibles'), section('## 3.').indexOf('Les gestes simples'));
    const listed = ticks(list);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((b) => !behaviours.includes(b))).toEqual([]);
    const deskLine = section('### Le poste');
    expect(ticks(deskLine.slice(deskLine.indexOf('organigramme'), deskLine.indexOf('Le scénario y ajoute'))).filter((d) => !desks.includes(d))).toEqual([]);
  });
});
