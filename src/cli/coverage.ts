// npm run coverage: which visitor profiles, venues and languages the shipped scenarios cover, and how
// many scenarios there are per difficulty (1–5) and per profile (visitor trait); src/cli/coverage-report.ts.
import { formatError } from '../core/load/yaml-source';
import { coverageOf } from './coverage-report';
import { loadFromDisk } from './files';

const catalog = loadFromDisk();
if (catalog.errors.length) {
  console.error(catalog.errors.map(formatError).join('\n'));
  process.exit(1);
}
console.log(coverageOf(catalog.scenarios).text);
