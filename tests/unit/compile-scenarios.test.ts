import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenarioData, toJson } from '../../src/build/scenario-data';
import { loadFromDisk } from '../../src/cli/files';

describe('scenarios compiled at build time', () => {
  it('gives the browser exactly what the CLI loader returns, as JSON', () => {
    const c = compileScenarioData(process.cwd(), 'scenarios');
    const cli = loadFromDisk();
    expect(c.errors).toEqual([]);
    expect(c.scenarios.map(([id, json]) => [id, JSON.parse(json)])).toEqual(cli.scenarios.map((s) => [s.id, s]));
    expect(new Map(c.rubrics.map(([id, json]) => [id, JSON.parse(json)]))).toEqual(cli.rubrics);
    expect(JSON.parse(c.cards).map((card: { id: string }) => card.id)).toEqual(cli.scenarios.map((s) => s.id));
  });

  it('reports refused files with file:line:col, relative to the project', () => {
    // A folder like scenarios/: one good scenario, one broken, the shipped rubric and shared moves.
    mkdirSync('test-results', { recursive: true });
    const dir = mkdtempSync('test-results/compile-');
    const base = readFileSync('tests/fixtures/base.yaml', 'utf8');
    mkdirSync(join(dir, 'rubrics'));
    mkdirSync(join(dir, 'shared'));
    cpSync('scenarios/rubrics/a1-face.yaml', join(dir, 'rubrics/a1-face.yaml'));
    cpSync('scenarios/shared/moves.yaml', join(dir, 'shared/moves.yaml'));
    writeFileSync(join(dir, 'good.yaml'), base);
    writeFileSync(join(dir, 'bad.yaml'), base.replace('id: base', 'id: bad').replace('company: "Testco"', 'company: "Testco'));
    const c = compileScenarioData(process.cwd(), dir);
    expect(c.scenarios.map(([id]) => id)).toEqual(['base']);
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0]).toMatch(new RegExp(`^${dir}/bad\\.yaml:\\d+:\\d+: YAML syntax`));
  });

  it('refuses data JSON would change', () => {
    expect(() => toJson({ at: new Map() }, 'x')).toThrow(/JSON cannot carry/);
    expect(() => toJson({ n: Number.POSITIVE_INFINITY }, 'x')).toThrow(/JSON cannot carry/);
  });
});
