import { type Catalog, loadCatalog } from '../core/load/catalog';

// Bundled at build time, so the game works offline once loaded.
const scenarioFiles = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const rubricFiles = import.meta.glob('../../scenarios/rubrics/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const sharedFiles = import.meta.glob('../../scenarios/shared/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const toSources = (files: Record<string, string>) => Object.entries(files).map(([path, text]) => ({ file: path.replace(/^(\.\.\/)+/, ''), text }));

/** Every valid scenario; a broken file is listed in `errors` and the rest still plays. */
export function browserCatalog(): Catalog {
  return loadCatalog(toSources(scenarioFiles), toSources(rubricFiles), toSources(sharedFiles));
}
