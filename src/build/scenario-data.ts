import { relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadTree, readScenarioTree } from '../cli/files';
import { formatError, type LoadError } from '../core/load/yaml-source';
import { cardOf } from './scenario-card';

/** The whole scenarios folder through the CLI's loader, as JSON texts for the browser. */
export interface CompiledScenarios {
  cards: string;
  errors: LoadError[];
  /** Each refused file's messages, file:line:col first. */
  messages: string[];
  scenarios: [id: string, json: string][];
  rubrics: [id: string, json: string][];
  /** scenarios/shared/ as source files, so a teacher's own file can use the shared moves and desks in the browser. */
  shared: string;
}

/** JSON text of `value`, refusing data JSON would silently change (Map, Date, undefined…). */
export function toJson(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (!isDeepStrictEqual(JSON.parse(text), value)) {
    throw new Error(`${what}: the loader returned data that JSON cannot carry as is (Map, Set, Date, undefined, function or non-finite number)`);
  }
  return text;
}

export function compileScenarioData(root: string, dir: string): CompiledScenarios {
  const tree = readScenarioTree(resolve(root, dir));
  const catalog = loadTree(tree);
  const errors = catalog.errors.map((e) => ({ ...e, file: relative(root, resolve(e.file)) }));
  return {
    cards: toJson(catalog.scenarios.map(cardOf), 'scenario cards'),
    errors,
    messages: errors.map(formatError),
    scenarios: catalog.scenarios.map((s) => [s.id, toJson(s, `scenario ${s.id}`)]),
    rubrics: [...catalog.rubrics].map(([id, r]) => [id, toJson(r, `rubric ${id}`)]),
    shared: toJson(
      tree.shared.map((f) => ({ file: relative(root, resolve(f.file)), text: f.text })),
      'shared files',
    ),
  };
}
