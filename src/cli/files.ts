import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { type Catalog, loadCatalog, type SourceFile } from '../core/load/catalog';

export const SCENARIO_DIR = resolve('scenarios');
export const RUBRIC_DIR = join(SCENARIO_DIR, 'rubrics');

const isYaml = (f: string) => /\.ya?ml$/.test(f);
const read = (path: string): SourceFile => ({ file: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') });
const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter(isYaml)
    .sort()
    .map((f) => join(dir, f));
const isRubric = (path: string) => basename(dirname(path)) === 'rubrics';

/**
 * Reads scenario and rubric files from the given files or folders (default:
 * scenarios/). Rubrics are always read from scenarios/rubrics/ too, so a single
 * scenario can be checked on its own.
 */
export function loadFromDisk(paths: string[] = []): Catalog {
  const targets = paths.length ? paths.map((p) => resolve(p)) : [SCENARIO_DIR];
  const scenarios = new Set<string>();
  const rubrics = new Set<string>(statSafe(RUBRIC_DIR)?.isDirectory() ? yamlIn(RUBRIC_DIR) : []);
  for (const target of targets) {
    const stat = statSafe(target);
    if (!stat) throw new Error(`${target}: no such file or folder`);
    const files = stat.isDirectory() ? yamlIn(target) : [target];
    for (const f of files) (isRubric(f) ? rubrics : scenarios).add(f);
    if (stat.isDirectory() && statSafe(join(target, 'rubrics'))?.isDirectory()) yamlIn(join(target, 'rubrics')).forEach((f) => rubrics.add(f));
  }
  return loadCatalog([...scenarios].map(read), [...rubrics].map(read));
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
