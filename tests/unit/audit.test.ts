// The audit's archetype players (npm run audit): each does its fault when the scenario
// offers it, and the audit reports a level or a pass that does not follow from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditScenario } from '../../src/core/audit/audit';
import { loadCatalog } from '../../src/core/load/catalog';
import { formatError } from '../../src/core/load/yaml-source';
import { RUBRICS, SHARED } from './load-fixture';

const base = readFileSync('tests/fixtures/base.yaml', 'utf8');
const LEAK = '      - use: stand-up\n      - use: leak-whereabouts\n        rule: secret\n';
function audit(text: string) {
  const catalog = loadCatalog([{ file: 'audited.yaml', text }], RUBRICS, SHARED);
  expect(catalog.errors.map(formatError)).toEqual([]);
  const scenario = catalog.scenarios[0];
  return auditScenario(scenario, catalog.rubrics.get(scenario.rubric)!, catalog.behaviours);
}
const row = (rows: ReturnType<typeof audit>, archetype: string) => rows.find((r) => r.archetype === archetype)!;

describe('the audit', () => {
  it('has nothing to check for a fault the scenario never offers', () => {
    const rows = audit(base);
    expect(row(rows, 'insulter').applicable).toBe(false);
    expect(row(rows, 'hold-abandoner').applicable).toBe(false);
    expect(row(rows, 'ideal')).toMatchObject({ applicable: true, passed: true, misses: [] });
  });

  it('plays the leak when it is offered: CP6 at TI and the situation failed, as expected', () => {
    const leaker = row(audit(base.replace('      - use: stand-up\n', LEAK)), 'leaker');
    expect(leaker).toMatchObject({ applicable: true, passed: false, misses: [] });
    expect(leaker.levels.CP6).toBe('TI');
  });

  it('reports a scenario whose ideal path cannot reach TS', () => {
    // Without the message slip and the appointment, nothing meets the visitor's need.
    const text = base.replace(/ {10}- id: slip\n[\s\S]*?(?= {10}- id: nothing)/, '');
    expect(text).not.toBe(base);
    const ideal = row(audit(text), 'ideal');
    expect(ideal.misses.join('\n')).toMatch(/ideal (reaches only|does not pass)/);
  });
});
