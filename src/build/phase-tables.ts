import { dirname, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

const SOURCE = '/src/core/machines/phase-table.ts';

/**
 * Vite plugin, built site only: the phase lookup tables (src/core/machines/phase-table.ts)
 * are derived from the XState machines at build time, by the same code, and the browser
 * gets them as JSON. So XState and the machines stay out of play (only the teacher's YAML
 * checker loads them), and the first hall frame does not wait ~70 ms at 4× CPU throttling
 * for the walk (npm run bench).
 * `npm start`, the CLI and the tests still derive them from the machines.
 */
export function phaseTables(): Plugin {
  return {
    name: 'comptoir-phase-tables',
    apply: 'build',
    enforce: 'pre',
    async load(id) {
      if (!id.replaceAll('\\', '/').endsWith(SOURCE)) return;
      const real = (await tsImport(id, import.meta.url)) as typeof import('../core/machines/phase-table');
      const { tablesData } = (await tsImport('../core/machines/phase-table-data.ts', import.meta.url)) as typeof import('../core/machines/phase-table-data');
      const json = JSON.stringify({ face: tablesData(real.tablesOn('face')), phone: tablesData(real.tablesOn('phone')) });
      return [
        `import { reviveTables } from ${JSON.stringify(join(dirname(id), 'phase-table-data.ts'))};`,
        `export const PHASE_EVENTS = ${JSON.stringify(real.PHASE_EVENTS)};`,
        `const DATA = JSON.parse(${JSON.stringify(json)});`,
        'const built = {};',
        'export const tablesOn = (channel) => (built[channel] ??= reviveTables(DATA[channel]));',
      ].join('\n');
    },
  };
}
