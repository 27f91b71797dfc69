// npm run validate [-- files or folders]: checks scenarios and rubrics, exits 1 on any error.
// Also plays each valid scenario with the ideal receptionist and reports design warnings.

import { designWarnings } from '../core/load/design-check';
import { formatError } from '../core/load/yaml-source';
import { loadFromDisk } from './files';

try {
  const catalog = loadFromDisk(process.argv.slice(2));
  for (const e of catalog.errors) console.error(formatError(e));
  let warnings = 0;
  for (const s of catalog.scenarios) {
    for (const w of designWarnings(s, catalog.rubrics.get(s.rubric)!, catalog.behaviours)) {
      console.warn(`warning: ${s.id}: ${w}`);
      warnings++;
    }
  }
  const n = catalog.scenarios.length;
  console.log(`${n} scenario${n === 1 ? '' : 's'} valid${warnings ? `, ${warnings} design warning${warnings === 1 ? '' : 's'}` : ''}`);
  if (catalog.errors.length) {
    const files = new Set(catalog.errors.map((e) => e.file)).size;
    console.error(`${catalog.errors.length} error${catalog.errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
    process.exit(1);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
