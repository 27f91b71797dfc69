// npm run sim -- <scenario id or path> --policy ideal|rude|passive|random --seed N [--json]
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { formatError } from '../core/load/yaml-source';
import { play } from '../core/policies/play';
import { POLICY_NAMES, type PolicyName } from '../core/policies/policies';
import { loadFromDisk } from './files';

const usage = 'usage: npm run sim -- <scenario id or path> [--policy ideal|rude|passive|random] [--seed N] [--json]';

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { policy: { type: 'string', default: 'ideal' }, seed: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } },
  });
  const target = positionals[0];
  if (!target) throw new Error(usage);
  const policy = values.policy as PolicyName;
  if (!POLICY_NAMES.includes(policy)) throw new Error(`unknown policy "${policy}"; ${usage}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);

  const catalog = loadFromDisk(existsSync(target) ? [target] : []);
  const scenario = catalog.scenarios.find((s) => s.id === target) ?? (existsSync(target) ? catalog.scenarios[0] : undefined);
  if (!scenario) {
    const bad = catalog.errors.map(formatError).join('\n');
    throw new Error(`no valid scenario "${target}"${bad ? `:\n${bad}` : `; known: ${catalog.scenarios.map((s) => s.id).join(', ')}`}`);
  }
  const result = play(scenario, catalog.rubrics.get(scenario.rubric)!, policy, seed);
  if (values.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  console.log(`${scenario.id} — policy ${policy}, seed ${seed}, ${result.end} s`);
  for (const [id, c] of Object.entries(result.criteria)) {
    console.log(`  ${id.padEnd(4)} ${(c.level ?? 'not assessed').padEnd(13)} ${c.points}/${c.max}`);
  }
  console.log(`  satisfaction ${result.satisfaction.score}/100 (${result.satisfaction.level})`);
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
