// npm run migrate -- old.yaml > new.yaml: prints a format-1 scenario in format 2, keeping its option ids.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { stringify } from 'yaml';
import { migrateV1 } from '../core/load/migrate';
import { formatError, YamlSource } from '../core/load/yaml-source';
import { ScenarioV1Schema } from '../core/schema/v1';

function main() {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npm run migrate -- old.yaml > new.yaml');
  const file = relative(process.cwd(), path) || path;
  const { source, errors } = YamlSource.parse(readFileSync(path, 'utf8'), file);
  if (errors.length) throw new Error(errors.map(formatError).join('\n'));
  const read = source.data();
  if (read.errors.length) throw new Error(read.errors.map(formatError).join('\n'));
  const format = (read.value as { format?: unknown } | null)?.format;
  if (format === 2) throw new Error(`${file}: already in format 2; nothing to migrate`);
  const v1 = source.validate(ScenarioV1Schema, read.value);
  if (!v1.value) throw new Error(`${file}: cannot migrate, this is not a valid format-1 scenario:\n${v1.errors.map(formatError).join('\n')}`);
  process.stdout.write('# yaml-language-server: $schema=./schema.json\n');
  process.stdout.write(`# Migrated from format 1 (${file}) by npm run migrate: check the indicators each observation names.\n`);
  process.stdout.write(stringify(migrateV1(v1.value), { lineWidth: 0 }));
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
