// A mixed desk as a new user met it (issue 22): "Consulter le planning des salles" opened an empty list.
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { designWarnings } from '../../src/core/load/design-check';

const catalog = loadFromDisk();

describe('desk tools an option opens', () => {
  it.each(catalog.scenarios.map((s) => s.id))('%s: no option opens an empty desk tool', (id) => {
    const scenario = catalog.scenarios.find((s) => s.id === id)!;
    const empty = designWarnings(scenario, catalog.rubrics.get(scenario.rubric)!).filter((w) => w.includes('leaves empty'));
    expect(empty).toEqual([]);
  });

  it('the room schedule of the rush-hour desk shows the safety training the visitor asks about', () => {
    const scenario = catalog.scenarios.find((s) => s.id === 'mixed-rush-counter')!;
    const rooms = (scenario.desk.records ?? []).filter((r) => r.kind === 'room');
    expect(rooms.map((r) => r.details.fr).join(' ')).toMatch(/formation sécurité/);
  });
});
