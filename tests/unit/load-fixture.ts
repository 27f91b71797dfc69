import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/core/load/catalog';
import { formatError } from '../../src/core/load/yaml-source';
import type { Rubric } from '../../src/core/schema/rubric';
import type { Scenario } from '../../src/core/schema/scenario';

const src = (file: string) => ({ file, text: readFileSync(file, 'utf8') });

/** Loads test fixtures against the shipped A1 rubric; throws with located errors. */
export function loadFixture(file: string): { scenario: Scenario; rubric: Rubric } {
  const catalog = loadCatalog([src(file)], [src('scenarios/rubrics/a1-face.yaml')]);
  if (catalog.errors.length) throw new Error(catalog.errors.map(formatError).join('\n'));
  const scenario = catalog.scenarios[0];
  return { scenario, rubric: catalog.rubrics.get(scenario.rubric)! };
}
