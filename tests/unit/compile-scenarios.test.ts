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
    const c = compileScenarioData(process.cwd(), 'tests/fixtures/mixed');
    expect(c.messages.length).toBeGreaterThan(0);
    for (const m of c.messages) expect(m).toMatch(/^tests\/fixtures\/mixed\/[\w-]+\.yaml:\d+:\d+: /);
  });

  it('refuses data JSON would change', () => {
    expect(() => toJson({ at: new Map() }, 'x')).toThrow(/JSON cannot carry/);
    expect(() => toJson({ n: Number.POSITIVE_INFINITY }, 'x')).toThrow(/JSON cannot carry/);
  });
});
