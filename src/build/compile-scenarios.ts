import { resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import type { CompiledScenarios } from './scenario-data';

/**
 * Vite plugin: scenarios/**\/*.yaml go through the same loader as `npm run validate`
 * at build time, and the browser gets checked JSON: a small index for the menu and
 * one chunk per scenario and rubric, loaded when played. So yaml and zod stay out of
 * the first screen, and a bad file fails the build with file:line:col messages.
 * The browser imports 'virtual:comptoir/scenarios' (types: virtual-scenarios.d.ts).
 */
const PREFIX = 'virtual:comptoir/';

/** The loader is imported fresh on each compile, so editing src/core is seen without restarting Vite. */
async function compile(root: string, dir: string): Promise<CompiledScenarios> {
  const data = (await tsImport('./scenario-data.ts', import.meta.url)) as typeof import('./scenario-data');
  return data.compileScenarioData(root, dir);
}

const parsed = (json: string) => `JSON.parse(${JSON.stringify(json)})`;
const lazy = (kind: string, ids: string[]) =>
  `{${ids.map((id) => `${JSON.stringify(id)}: () => import(${JSON.stringify(`${PREFIX}${kind}/${encodeURIComponent(id)}`)}).then((m) => m.default)`).join(',')}}`;

/** Emits one JSON file, returns the expression of its URL in the built site. */
type Emit = (name: string, json: string) => string;

/**
 * Built site: each scenario and rubric is a JSON file fetched and parsed when played, so
 * the page drops it once left. As JS modules they stayed in the browser's module map for
 * good: ~0.1 MB per scenario ever played (npm run bench, heap growth over 50 scenarios).
 * Development: modules, so editing a YAML file reloads through Vite as before.
 */
const fetched = (emit: Emit, kind: string, entries: [string, string][]) =>
  `{${entries.map(([id, json]) => `${JSON.stringify(id)}: () => fetchJson(${emit(`${kind}-${id}.json`, json)})`).join(',')}}`;

const FETCH_JSON = [
  'const fetchJson = (url) =>',
  '  fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(url + ": the server answered " + r.status))));',
].join('\n');

function modulesOf(c: CompiledScenarios, emit?: Emit): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, json] of c.scenarios) out.set(`scenario/${encodeURIComponent(id)}`, `export default ${parsed(json)};`);
  for (const [id, json] of c.rubrics) out.set(`rubric/${encodeURIComponent(id)}`, `export default ${parsed(json)};`);
  const rubricIds = c.rubrics.map(([id]) => id);
  out.set('shared', `export default ${parsed(c.shared)};`);
  const table = (kind: string, entries: [string, string][]) =>
    emit
      ? fetched(emit, kind, entries)
      : lazy(
          kind,
          entries.map(([id]) => id),
        );
  out.set(
    'scenarios',
    [
      `export const cards = ${parsed(c.cards)};`,
      `export const errors = ${parsed(JSON.stringify(c.errors))};`,
      `export const rubricIds = ${JSON.stringify(rubricIds)};`,
      FETCH_JSON,
      `const scenarios = ${table('scenario', c.scenarios)};`,
      `const rubrics = ${table('rubric', c.rubrics)};`,
      'const get = (table, id) => (table[id] ? table[id]() : Promise.reject(new Error("unknown id " + id)));',
      'export const loadScenario = (id) => get(scenarios, id);',
      'export const loadRubric = (id) => get(rubrics, id);',
      `export const loadSharedFiles = () => import(${JSON.stringify(`${PREFIX}shared`)}).then((m) => m.default);`,
    ].join('\n'),
  );
  return out;
}

export function compileScenarios(dir = 'scenarios'): Plugin {
  let root = process.cwd();
  let building = false;
  let modules: Promise<Map<string, string>> | undefined;

  return {
    name: 'comptoir-compile-scenarios',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    buildStart() {
      modules = undefined;
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return;
      modules ??= compile(root, dir).then((c) => {
        // A refused file fails the build; while developing, the menu lists it and the rest plays.
        if (c.messages.length && building) throw new Error(`scenario files refused:\n${c.messages.join('\n')}`);
        for (const m of c.messages) this.warn(m);
        const emit: Emit = (name, json) => `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'asset', name, source: json })}`;
        return modulesOf(c, building ? emit : undefined);
      });
      const code = (await modules).get(id.slice(PREFIX.length + 1));
      if (code === undefined) this.error(`${id.slice(1)}: no such compiled scenario or rubric`);
      return code;
    },
    configureServer(server) {
      // Editing a scenario while developing: recompile and reload the page.
      const folder = resolve(root, dir);
      server.watcher.add(folder);
      const changed = (file: string) => {
        if (!/\.ya?ml$/.test(file) || !resolve(file).startsWith(folder)) return;
        modules = undefined;
        for (const m of server.moduleGraph.idToModuleMap.values()) if (m.id?.startsWith(`\0${PREFIX}`)) server.moduleGraph.invalidateModule(m);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', changed).on('add', changed).on('unlink', changed);
    },
  };
}
