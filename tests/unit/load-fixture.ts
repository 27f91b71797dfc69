import { readdirSync, readFileSync } from 'node:fs';
import { loadCatalog, type SourceFile } from '../../src/core/load/catalog';
import { formatError } from '../../src/core/load/yaml-source';
import type { Rubric } from '../../src/core/schema/rubric';
import type { Scenario } from '../../src/core/schema/scenario';

export const src = (file: string): SourceFile => ({ file, text: readFileSync(file, 'utf8') });
export const RUBRICS = [src('scenarios/rubrics/a1-face.yaml')];
export const SHARED = readdirSync('scenarios/shared')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => src(`scenarios/shared/${f}`));

/** Loads a test scenario against the shipped A1 rubric and shared moves; throws with located errors. */
export function loadFixture(file: string, text?: string): { scenario: Scenario; rubric: Rubric } {
  const catalog = loadCatalog([text === undefined ? src(file) : { file, text }], RUBRICS, SHARED);
  if (catalog.errors.length) throw new Error(catalog.errors.map(formatError).join('\n'));
  const scenario = catalog.scenarios[0];
  return { scenario, rubric: catalog.rubrics.get(scenario.rubric)! };
}
