import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { type Catalog, loadCatalog, type SourceFile } from '../core/load/catalog';

export const SCENARIO_DIR = resolve('scenarios');
export const RUBRIC_DIR = join(SCENARIO_DIR, 'rubrics');
export const SHARED_DIR = join(SCENARIO_DIR, 'shared');

const isYaml = (f: string) => /\.ya?ml$/.test(f);
const read = (path: string): SourceFile => ({ file: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') });
const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter(isYaml)
    .sort()
    .map((f) => join(dir, f));
const isRubric = (path: string) => basename(dirname(path)) === 'rubrics';
const isShared = (path: string) => basename(dirname(path)) === 'shared';

/**
 * Reads scenario and rubric files from the given files or folders (default:
 * scenarios/). Rubrics and shared moves and desks are always read from
 * scenarios/rubrics/ and scenarios/shared/ too, so a single scenario can be
 * checked on its own.
 */
export function loadFromDisk(paths: string[] = []): Catalog {
  if (!paths.length) return loadTree(readScenarioTree()); // the same files as the build (src/build)
  const targets = paths.map((p) => resolve(p));
  const scenarios = new Set<string>();
  const rubrics = new Set<string>(statSafe(RUBRIC_DIR)?.isDirectory() ? yamlIn(RUBRIC_DIR) : []);
  const shared = new Set<string>(statSafe(SHARED_DIR)?.isDirectory() ? yamlIn(SHARED_DIR) : []);
  for (const target of targets) {
    const stat = statSafe(target);
    if (!stat) throw new Error(`${target}: no such file or folder`);
    const files = stat.isDirectory() ? yamlIn(target) : [target];
    for (const f of files) (isRubric(f) ? rubrics : isShared(f) ? shared : scenarios).add(f);
    if (stat.isDirectory() && statSafe(join(target, 'rubrics'))?.isDirectory()) yamlIn(join(target, 'rubrics')).forEach((f) => rubrics.add(f));
  }
  return loadCatalog([...scenarios].map(read), [...rubrics].map(read), [...shared].map(read));
}

/** Every YAML file under `dir` (default scenarios/), sorted by the folder it belongs to. */
export interface ScenarioTree {
  scenarios: SourceFile[];
  rubrics: SourceFile[];
  /** scenarios/shared/: parts several scenarios use (format v2); not a scenario on its own. */
  shared: SourceFile[];
}

export function readScenarioTree(dir = SCENARIO_DIR): ScenarioTree {
  const tree: ScenarioTree = { scenarios: [], rubrics: [], shared: [] };
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter(isYaml).sort();
  for (const f of files) {
    const top = f.split(/[\\/]/)[0];
    const group = top === 'rubrics' ? tree.rubrics : top === 'shared' ? tree.shared : tree.scenarios;
    group.push(read(join(dir, f)));
  }
  return tree;
}

/** The whole tree through the one loader. */
export const loadTree = (tree: ScenarioTree): Catalog => loadCatalog(tree.scenarios, tree.rubrics, tree.shared);

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
